import type { StepSchemaParts } from '../contentSchema';
import { decisionWords } from './scenario';
import type { StepKind, StepOf } from './kind';

const questionSchema = ({ z, id, stepBase, optionSchema }: StepSchemaParts) =>
  z.object({
    ...stepBase,
    kind: z.literal('question'),
    mode: z.enum(['single', 'multiple']).default('single'),
    options: z.array(optionSchema).min(2).max(6),
    next: id,
  });

export type QuestionStep = StepOf<typeof questionSchema>;

/** A single- or multiple-choice question; every option is explained, then `next`. */
export const questionKind: StepKind<QuestionStep> = {
  kind: 'question',
  schema: questionSchema,
  mode: 'decision',
  view: 'question',
  successors: (step) => [step.next],
  next: (step) => step.next,
  wordKeys: decisionWords,
};
