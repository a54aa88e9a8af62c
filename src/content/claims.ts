// Which sentences state the law or say what the Casey audit found. Authors mark such an item with
// `claims` in module.json; the content tests hold every marked item to a primary source and use these
// patterns to catch an item that makes such a claim without the mark.
import type { Claim } from '../engine/content';

export const CLAIM_PATTERNS: Record<Claim, RegExp> = {
  audit:
    /\b(?:the|this|its|casey) audit (?:found|finds|described|describes|warned|said|says|asked|asks|recommended|recommends|criticised|named|called|flagged|cited|examined|applied|covered)\b|\baudit[’']s (?:finding|first recommendation|local finding|recommendations?)\b|\bCasey (?:wrote|found|told|said|warned|described)\b|\bRecommendation \d+\b/i,
  law: /\b(?:in law|Sexual Offences Act|Children Act|Data Protection Act|UK GDPR|Act (?:19|20)\d\d|sections? \d+|s\.\s?\d+|statutory guidance|statutory definition|Working Together|Keeping Children Safe|is (?:already )?a crime|is rape|an offence|legal duty)\b/i,
};

/** The claims an English sentence appears to make. */
export function claimsIn(text: string): Claim[] {
  return (Object.keys(CLAIM_PATTERNS) as Claim[]).filter((claim) => CLAIM_PATTERNS[claim].test(text));
}
