import type { QuestionStep } from '../contentSchema';
import { decisionWords } from './scenario';
import type { StepKind } from './kind';

/** A single- or multiple-choice question; every option is explained, then `next`. */
export const questionKind: StepKind<QuestionStep> = {
  kind: 'question',
  mode: 'decision',
  view: 'question',
  successors: (step) => [step.next],
  next: (step) => step.next,
  wordKeys: decisionWords,
};
