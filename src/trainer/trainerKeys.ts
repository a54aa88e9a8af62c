// The trainer's signing key, made on first use and kept in IndexedDB beside the learner's device
// key. Its private half is non-extractable: it signs assignments and countersignatures here only.
import { storedSigningKeys } from '../certificates/keyStore';
import { exportPublicKey, fingerprint } from '../certificates/signing';
import type { HeardDatabase } from '../storage/database';

export function trainerKeys(db: HeardDatabase, now: number): Promise<CryptoKeyPair> {
  return storedSigningKeys(db, 'trainer', now);
}

/** The trainer key's fingerprint, or null before the trainer has made anything. */
export async function trainerFingerprint(db: HeardDatabase): Promise<string | null> {
  const existing = await db.deviceKeys.get('trainer');
  return existing ? fingerprint(await exportPublicKey(existing.publicKey)) : null;
}
