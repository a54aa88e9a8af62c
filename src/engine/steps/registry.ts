// Every kind of step, listed once. The engine, content checks, progress codec, player and test
// walkers ask this registry rather than switching on `step.kind` themselves, and contentSchema.ts
// builds the schema of a step from each kind's own.
import type { NationBranchStep } from './nationBranch';
import type { RoleBranchStep } from './roleBranch';
import { contentNoteKind } from './contentNote';
import type { StepKind, StepLearner } from './kind';
import { nationBranchKind } from './nationBranch';
import { questionKind } from './question';
import { readingKind } from './reading';
import { rewriteKind } from './rewrite';
import { roleBranchKind } from './roleBranch';
import { scenarioKind } from './scenario';
import { summaryKind } from './summary';

export type { StepKind, StepLearner, StepMode, StepView } from './kind';
export { roleRoute } from './roleBranch';
export { nationRoute } from './nationBranch';

/** A new kind: its file beside this one, one line here, and its view in the lesson player. */
export const stepKinds = {
  reading: readingKind,
  question: questionKind,
  scenario: scenarioKind,
  roleBranch: roleBranchKind,
  nationBranch: nationBranchKind,
  contentNote: contentNoteKind,
  rewrite: rewriteKind,
  summary: summaryKind,
} as const;

type Kinds = typeof stepKinds;

/** Any step of any kind in the registry. */
export type Step = { [K in keyof Kinds]: Kinds[K] extends StepKind<infer S> ? S : never }[keyof Kinds];

/** The registry entry for a step, typed for any step. */
export function kindOf(step: Step): StepKind<Step> {
  return stepKinds[step.kind] as unknown as StepKind<Step>;
}

export const successorsOf = (step: Step): string[] => kindOf(step).successors(step);
export const nextOf = (step: Step, learner: StepLearner): string | undefined => kindOf(step).next(step, learner);
export const wordKeysOf = (lessonId: string, step: Step): string[] => kindOf(step).wordKeys(lessonId, step);
export const modeOf = (step: Step) => kindOf(step).mode;

/** Whether a step is never shown and only routes the learner on (a role or nation branch). */
export const isRouteStep = (step: Step): step is RoleBranchStep | NationBranchStep => modeOf(step) === 'route';

/** Where a route step sends a learner with this role and nation. */
export const routeOf = (step: Step, learner: Pick<StepLearner, 'role' | 'nation'>): string =>
  nextOf(step, { ...learner, chosen: undefined }) as string;

/**
 * The routes a route step may take: the one the learner's role or nation picks where it is fixed
 * (`fixed`), every route otherwise.
 */
export function routesOf(
  step: Step,
  learner: Pick<StepLearner, 'role' | 'nation'>,
  fixed: { role: boolean; nation: boolean },
): string[] {
  const by = kindOf(step).routesBy;
  return by && fixed[by] ? [routeOf(step, learner)] : successorsOf(step);
}
