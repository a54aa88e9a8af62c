import type { RewriteStep } from '../contentSchema';
import { stepKeys } from '../contentKeys';
import { shownWords } from './reading';
import type { StepKind } from './kind';

/** A language-coach exercise: practice, not scored, then `next`. */
export const rewriteKind: StepKind<RewriteStep> = {
  kind: 'rewrite',
  mode: 'reading',
  view: 'rewrite',
  successors: (step) => [step.next],
  next: (step) => step.next,
  wordKeys: (lessonId, step) => [
    ...shownWords(lessonId, step),
    stepKeys.prompt(lessonId, step.id),
    stepKeys.sentence(lessonId, step.id),
    stepKeys.model(lessonId, step.id),
  ],
};
