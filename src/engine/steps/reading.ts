import type { ReadingStep } from '../contentSchema';
import { stepKeys } from '../contentKeys';
import type { StepKind } from './kind';

/** Paragraphs to read, then `next`. */
export const readingKind: StepKind<ReadingStep> = {
  kind: 'reading',
  mode: 'reading',
  view: 'reading',
  successors: (step) => [step.next],
  next: (step) => step.next,
  wordKeys: (lessonId, step) => shownWords(lessonId, step),
};

/** The title and paragraphs every shown step has. */
export function shownWords(lessonId: string, step: { id: string; paragraphs: { id: string }[] }): string[] {
  return [
    stepKeys.title(lessonId, step.id),
    ...step.paragraphs.map((paragraph) => stepKeys.paragraph(lessonId, step.id, paragraph.id)),
  ];
}
