// The trainer's signing key, made on first use and kept in IndexedDB beside the learner's device
// key. Its private half is non-extractable: it signs assignments and countersignatures here only.
import { storedSigningKeys } from '../certificates/keyStore';
import { exportPublicKey, fingerprint } from '../certificates/signing';
import { trainerStanding, type TrainerStanding, type TrustAnchor } from '../organisation/trust';
import type { HeardDatabase } from '../storage/database';
import { decodeEndorsement } from '../organisation/trustCodes';

export function trainerKeys(db: HeardDatabase, now: number): Promise<CryptoKeyPair> {
  return storedSigningKeys(db, 'trainer', now);
}

/** The trainer key's fingerprint, or null before the trainer has made anything. */
export async function trainerFingerprint(db: HeardDatabase): Promise<string | null> {
  const existing = await db.deviceKeys.get('trainer');
  return existing ? fingerprint(await exportPublicKey(existing.publicKey)) : null;
}

/** The trainer's public key, to send to the organisation for endorsement (made now if need be). */
export async function trainerPublicKey(db: HeardDatabase, now: number): Promise<string> {
  return exportPublicKey((await trainerKeys(db, now)).publicKey);
}

/** The endorsement stored with the trainer key, if one was imported. */
export async function trainerEndorsement(db: HeardDatabase): Promise<string | undefined> {
  return (await db.deviceKeys.get('trainer'))?.endorsement;
}

export type EndorsementImport =
  | { ok: true; standing: Extract<TrainerStanding, { standing: 'endorsed' }> }
  | { ok: false; problem: 'no-organisation' | 'not-endorsement' | 'other-key' | 'not-valid-today' | 'not-saved' };

/**
 * Keeps an endorsement for this device's trainer key: only one signed by this deployment's
 * organisation, for this very key, valid today and not withdrawn. Only the checked code is stored.
 */
export async function importEndorsement(
  db: HeardDatabase,
  input: string,
  anchor: TrustAnchor | null,
  now: number,
): Promise<EndorsementImport> {
  if (!anchor) return { ok: false, problem: 'no-organisation' };
  const decoded = await decodeEndorsement(input, anchor.publicKey);
  if (!decoded.ok) return { ok: false, problem: 'not-endorsement' };
  const record = await db.deviceKeys.get('trainer');
  const key = record ? await exportPublicKey(record.publicKey) : undefined;
  if (!record || key !== decoded.payload.key) return { ok: false, problem: 'other-key' };
  const today = new Date(now).toISOString().slice(0, 10);
  const standing = await trainerStanding(anchor, decoded.code, key, today);
  if (standing.standing !== 'endorsed') return { ok: false, problem: 'not-valid-today' };
  try {
    await db.deviceKeys.update('trainer', { endorsement: decoded.code });
  } catch {
    return { ok: false, problem: 'not-saved' };
  }
  return { ok: true, standing };
}
