import type { ContentNoteStep } from '../contentSchema';
import { shownWords } from './reading';
import type { StepKind } from './kind';

/** Before hard material: `next` continues, `alternative` meets the outcome without it. */
export const contentNoteKind: StepKind<ContentNoteStep> = {
  kind: 'contentNote',
  mode: 'contentNote',
  view: 'contentNote',
  successors: (step) => [step.next, step.alternative],
  next: (step) => step.next,
  wordKeys: shownWords,
};
