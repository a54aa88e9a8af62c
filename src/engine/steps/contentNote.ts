import type { StepSchemaParts } from '../contentSchema';
import { shownWords } from './reading';
import type { StepKind, StepOf } from './kind';

/**
 * A content note before material that describes abuse: what it contains and how intense it is.
 * The learner continues, takes a break (their place is saved), or takes `alternative`, a route
 * that meets the same learning outcome without the hard material.
 */
const contentNoteSchema = ({ z, id, stepBase }: StepSchemaParts) =>
  z.object({
    ...stepBase,
    kind: z.literal('contentNote'),
    intensity: z.enum(['low', 'moderate', 'high']),
    next: id,
    alternative: id,
  });

export type ContentNoteStep = StepOf<typeof contentNoteSchema>;

/** Before hard material: `next` continues, `alternative` meets the outcome without it. */
export const contentNoteKind: StepKind<ContentNoteStep> = {
  kind: 'contentNote',
  schema: contentNoteSchema,
  mode: 'contentNote',
  view: 'contentNote',
  successors: (step) => [step.next, step.alternative],
  next: (step) => step.next,
  wordKeys: shownWords,
};
