import type { StepSchemaParts } from '../contentSchema';
import { shownWords } from './reading';
import type { StepKind, StepOf } from './kind';

const summarySchema = ({ z, stepBase }: StepSchemaParts) =>
  z.object({
    ...stepBase,
    kind: z.literal('summary'),
  });

export type SummaryStep = StepOf<typeof summarySchema>;

/** An ending; a lesson may have several. */
export const summaryKind: StepKind<SummaryStep> = {
  kind: 'summary',
  schema: summarySchema,
  mode: 'ending',
  view: 'summary',
  successors: () => [],
  next: () => undefined,
  wordKeys: shownWords,
};
