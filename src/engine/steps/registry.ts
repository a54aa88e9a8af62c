// Every kind of step, listed once. The engine, content checks, progress codec, player and test
// walkers ask this registry rather than switching on `step.kind` themselves.
import type { Step } from '../contentSchema';
import { contentNoteKind } from './contentNote';
import type { StepKind, StepLearner } from './kind';
import { questionKind } from './question';
import { readingKind } from './reading';
import { rewriteKind } from './rewrite';
import { roleBranchKind } from './roleBranch';
import { scenarioKind } from './scenario';
import { summaryKind } from './summary';

export type { StepKind, StepLearner, StepMode, StepView } from './kind';
export { roleRoute } from './roleBranch';

type Registry = { [K in Step['kind']]: StepKind<Extract<Step, { kind: K }>> };

export const stepKinds: Registry = {
  reading: readingKind,
  question: questionKind,
  scenario: scenarioKind,
  roleBranch: roleBranchKind,
  contentNote: contentNoteKind,
  rewrite: rewriteKind,
  summary: summaryKind,
};

/** The registry entry for a step, typed for any step. */
export function kindOf(step: Step): StepKind {
  return stepKinds[step.kind] as unknown as StepKind;
}

export const successorsOf = (step: Step): string[] => kindOf(step).successors(step);
export const nextOf = (step: Step, learner: StepLearner): string | undefined => kindOf(step).next(step, learner);
export const wordKeysOf = (lessonId: string, step: Step): string[] => kindOf(step).wordKeys(lessonId, step);
export const modeOf = (step: Step) => kindOf(step).mode;
