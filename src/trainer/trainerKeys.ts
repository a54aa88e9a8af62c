// The trainer's signing key, made on first use and kept in IndexedDB beside the learner's device
// key. Its private half is non-extractable: it signs assignments and countersignatures here only.
import { storedSigningKeys } from '../certificates/keyStore';
import { exportPublicKey, fingerprint } from '../certificates/signing';
import { trainerStanding, type TrainerStanding, type TrustAnchor } from '../organisation/trust';
import type { HeardDatabase } from '../storage/database';
import { decodeEndorsement } from '../organisation/trustCodes';
import { ed25519DidKey } from '../certificates/didKey';

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
  | {
      ok: false;
      problem:
        'no-organisation' | 'not-endorsement' | 'other-key' | 'not-valid-today' | 'not-saved' | 'badge-endorsement';
    };

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
  const bundle = readEndorsementBundle(input);
  const decoded = await decodeEndorsement(bundle ? bundle.endorsement : input, anchor.publicKey);
  if (!decoded.ok) return { ok: false, problem: 'not-endorsement' };
  const record = await db.deviceKeys.get('trainer');
  const key = record ? await exportPublicKey(record.publicKey) : undefined;
  if (!record || key !== decoded.payload.key) return { ok: false, problem: 'other-key' };
  const today = new Date(now).toISOString().slice(0, 10);
  const standing = await trainerStanding(anchor, decoded.code, key, today);
  if (standing.standing !== 'endorsed') return { ok: false, problem: 'not-valid-today' };
  let badgeEndorsement: string | undefined;
  if (bundle) {
    // The Open Badges endorsement must vouch for this device's did:key, for this same endorsement.
    const [{ endorsementVouches }, trainerDid] = await Promise.all([
      import('../certificates/openBadge'),
      trainerBadgeDid(db, now),
    ]);
    const vouches = await endorsementVouches(bundle.openBadgeEndorsement, {
      trainerDid,
      endorsementId: decoded.payload.id,
      anchor,
    }).catch(() => false);
    if (!vouches) return { ok: false, problem: 'badge-endorsement' };
    badgeEndorsement = JSON.stringify(bundle.openBadgeEndorsement);
  }
  try {
    await db.transaction('rw', db.deviceKeys, async () => {
      await db.deviceKeys.update('trainer', { endorsement: decoded.code });
      if (badgeEndorsement) await db.deviceKeys.update('trainer-badge', { badgeEndorsement });
    });
  } catch {
    return { ok: false, problem: 'not-saved' };
  }
  return { ok: true, standing };
}

/**
 * The trainer's Open Badges key: Ed25519 (WebCrypto), made on first use and kept in IndexedDB like
 * the trainer key, its private half non-extractable. It issues credentials as a did:key.
 */
export async function trainerBadgeKeys(db: HeardDatabase, now: number): Promise<CryptoKeyPair> {
  const existing = await db.deviceKeys.get('trainer-badge');
  if (existing) return existing;
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  await db.deviceKeys.put({
    id: 'trainer-badge',
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    createdAt: now,
  });
  return keys;
}

/** The trainer's Open Badges did:key, to send to the organisation with the trainer key (made now if need be). */
export async function trainerBadgeDid(db: HeardDatabase, now: number): Promise<string> {
  const { publicKey } = await trainerBadgeKeys(db, now);
  return ed25519DidKey(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey)));
}

/** The organisation's EndorsementCredential of the trainer's did:key, if one was imported. */
export async function trainerBadgeEndorsement(db: HeardDatabase): Promise<Record<string, unknown> | undefined> {
  const stored = (await db.deviceKeys.get('trainer-badge'))?.badgeEndorsement;
  return stored ? (JSON.parse(stored) as Record<string, unknown>) : undefined;
}

/**
 * What `npm run org -- endorse --trainer-did` sends: the endorsement code and the Open Badges
 * EndorsementCredential, as one line of JSON. Null when the text is not one.
 */
export function readEndorsementBundle(text: string): { endorsement: string; openBadgeEndorsement: unknown } | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || trimmed.length > 20_000) return null;
  try {
    const parsed = JSON.parse(trimmed) as { endorsement?: unknown; openBadgeEndorsement?: unknown };
    return typeof parsed.endorsement === 'string' && parsed.openBadgeEndorsement !== undefined
      ? { endorsement: parsed.endorsement, openBadgeEndorsement: parsed.openBadgeEndorsement }
      : null;
  } catch {
    return null;
  }
}
