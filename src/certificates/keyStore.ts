// This browser's signing keys, one per purpose, made on first use and kept in IndexedDB. The private
// half is non-extractable: it can sign here but can never be read out or exported.
import type { DeviceKeyRecord, HeardDatabase } from '../storage/database';
import { generateSigningKeys } from './signing';

export async function storedSigningKeys(
  db: HeardDatabase,
  id: DeviceKeyRecord['id'],
  now: number,
): Promise<CryptoKeyPair> {
  const existing = await db.deviceKeys.get(id);
  if (existing) return existing;
  const keys = await generateSigningKeys();
  await db.deviceKeys.put({ id, privateKey: keys.privateKey, publicKey: keys.publicKey, createdAt: now });
  return keys;
}
