import type { SummaryStep } from '../contentSchema';
import { shownWords } from './reading';
import type { StepKind } from './kind';

/** An ending; a lesson may have several. */
export const summaryKind: StepKind<SummaryStep> = {
  kind: 'summary',
  mode: 'ending',
  view: 'summary',
  successors: () => [],
  next: () => undefined,
  wordKeys: shownWords,
};
