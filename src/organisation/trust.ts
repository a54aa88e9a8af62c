// What this deployment trusts: only trainer keys its organisation has endorsed (in a code signed by
// the organisation's key in organisation.json), on a date the endorsement covers and before any
// withdrawal. Anything else is "a key this site does not know", however official its name looks.
import type { OrganisationTrust } from './organisationSchema';
import { decodeEndorsement, decodeWithdrawal, type Endorsement } from './trustCodes';

export type TrainerStanding =
  | { standing: 'endorsed'; endorsement: Endorsement; withdrawnFrom?: string }
  | { standing: 'not-endorsed'; reason: 'withdrawn' | 'outside-dates'; endorsement: Endorsement; date: string }
  | { standing: 'unknown-key' };

/** The deployment's organisation key and the withdrawals signed by it (others are ignored). */
export interface TrustAnchor {
  organisationName: string;
  publicKey: string;
  /** Endorsement id → the first day it no longer holds. */
  withdrawals: Map<string, string>;
}

export async function trustAnchor(
  organisationName: string,
  trust: Pick<OrganisationTrust, 'publicKey' | 'withdrawals'>,
): Promise<TrustAnchor> {
  const withdrawals = new Map<string, string>();
  for (const code of trust.withdrawals) {
    const decoded = await decodeWithdrawal(code, trust.publicKey);
    if (!decoded.ok) continue;
    const { endorsement, from } = decoded.payload;
    const earlier = withdrawals.get(endorsement);
    withdrawals.set(endorsement, earlier && earlier < from ? earlier : from);
  }
  return { organisationName, publicKey: trust.publicKey, withdrawals };
}

/**
 * Is `signerKey` a trainer this deployment's organisation vouched for on `date` (YYYY-MM-DD)?
 * `endorsementCode` is the endorsement the signer carried; without an anchor nothing is endorsed.
 */
export async function trainerStanding(
  anchor: TrustAnchor | null,
  endorsementCode: string | undefined,
  signerKey: string,
  date: string,
): Promise<TrainerStanding> {
  if (!anchor || !endorsementCode) return { standing: 'unknown-key' };
  const decoded = await decodeEndorsement(endorsementCode, anchor.publicKey);
  if (!decoded.ok || decoded.payload.key !== signerKey) return { standing: 'unknown-key' };
  const endorsement = decoded.payload;
  const withdrawnFrom = anchor.withdrawals.get(endorsement.id);
  if (withdrawnFrom !== undefined && date >= withdrawnFrom) {
    return { standing: 'not-endorsed', reason: 'withdrawn', endorsement, date: withdrawnFrom };
  }
  if (date < endorsement.from || date > endorsement.until) {
    return { standing: 'not-endorsed', reason: 'outside-dates', endorsement, date };
  }
  return withdrawnFrom === undefined
    ? { standing: 'endorsed', endorsement }
    : { standing: 'endorsed', endorsement, withdrawnFrom };
}
