// Plain helpers over course content that the app needs at run time. The zod schema
// (contentSchema.ts) checks content in tests and tools; the app trusts content that passed them,
// so it never ships the validator in its first download.
import type { Citation, DecisionStep, Role, SourceRef, Step } from './contentSchema';

export type * from './contentSchema';

export const ROLES: readonly Role[] = ['police', 'social-care', 'education', 'health', 'licensing-council', 'other'];

export function isDecisionStep(step: Step): step is DecisionStep {
  return step.kind === 'question' || step.kind === 'scenario';
}

/** The source id a citation points at. */
export const citedSource = (citation: Citation): SourceRef =>
  typeof citation === 'string' ? citation : citation.source;

/** Where in the source the claim is (a section, paragraph or page), when the citation says. */
export const citedAt = (citation: Citation): string | undefined =>
  typeof citation === 'string' ? undefined : citation.at;
