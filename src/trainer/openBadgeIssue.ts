// Issues the Open Badges credential for a certificate this trainer countersigned, on this device:
// signed by the trainer's Ed25519 did:key, carrying the organisation's EndorsementCredential of it.
// The credential libraries load only now (a dynamic import), never with the trainer page.
import { decodeCertificate } from '../certificates/certificateCode';
import type { BadgeWords } from '../certificates/openBadge';
import type { HeardDatabase } from '../storage/database';
import { trainerBadgeDid, trainerBadgeEndorsement, trainerBadgeKeys } from './trainerKeys';

export type BadgeIssueProblem = 'self-declared' | 'no-badge-endorsement' | 'needs-connection';

export class BadgeIssueError extends Error {
  constructor(readonly problem: BadgeIssueProblem) {
    super(`The Open Badge was not made: ${problem}`);
    this.name = 'BadgeIssueError';
  }
}

export async function issueOpenBadge(
  db: HeardDatabase,
  code: string,
  input: {
    words: BadgeWords;
    now: number;
    verifyBase: string | null;
    /** Only when the learner asked for it in their badge. */
    email?: string;
  },
): Promise<{ id: string; json: string }> {
  const decoded = await decodeCertificate(code);
  if (!decoded.ok || !decoded.payload.countersign) throw new BadgeIssueError('self-declared');
  const endorsement = await trainerBadgeEndorsement(db);
  if (!endorsement) throw new BadgeIssueError('no-badge-endorsement');
  let badges: typeof import('../certificates/openBadge');
  try {
    badges = await import('../certificates/openBadge');
  } catch {
    throw new BadgeIssueError('needs-connection');
  }
  const [keys, did] = await Promise.all([trainerBadgeKeys(db, input.now), trainerBadgeDid(db, input.now)]);
  const email = input.email?.trim();
  const credential = badges.openBadgeCredential({
    payload: decoded.payload,
    code: decoded.code as string,
    words: input.words,
    issuer: { did, name: decoded.payload.countersign.name },
    endorsement,
    verifyBase: input.verifyBase,
    ...(email ? { identifier: await badges.hashedEmail(email) } : {}),
  });
  const signed = await badges.signOpenBadge(credential, { did, privateKey: keys.privateKey });
  return { id: decoded.payload.id, json: `${JSON.stringify(signed, null, 2)}\n` };
}
