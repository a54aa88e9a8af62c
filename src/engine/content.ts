// Plain helpers over course content that the app needs at run time. The zod schema
// (contentSchema.ts) checks content in tests and tools; the app trusts content that passed them,
// so it never ships the validator in its first download.
import type { DecisionStep, Role, Step } from './contentSchema';

export type * from './contentSchema';

export const ROLES: readonly Role[] = ['police', 'social-care', 'education', 'health', 'licensing-council', 'other'];

export function isDecisionStep(step: Step): step is DecisionStep {
  return step.kind === 'question' || step.kind === 'scenario';
}
