import type { StepSchemaParts } from '../contentSchema';
import { stepKeys } from '../contentKeys';
import { shownWords } from './reading';
import type { StepKind, StepOf } from './kind';

/**
 * A language-coach exercise: the learner rewrites a case-note sentence and the app flags, as they
 * type, any term to avoid, with why it harms and what to say instead. Practice, not scored.
 */
const rewriteSchema = ({ z, id, stepBase }: StepSchemaParts) =>
  z.object({
    ...stepBase,
    kind: z.literal('rewrite'),
    next: id,
  });

export type RewriteStep = StepOf<typeof rewriteSchema>;

/** A language-coach exercise: practice, not scored, then `next`. */
export const rewriteKind: StepKind<RewriteStep> = {
  kind: 'rewrite',
  schema: rewriteSchema,
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
