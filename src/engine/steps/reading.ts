import type { StepSchemaParts } from '../contentSchema';
import { stepKeys } from '../contentKeys';
import type { StepKind, StepOf } from './kind';

const readingSchema = ({ z, id, stepBase }: StepSchemaParts) =>
  z.object({
    ...stepBase,
    kind: z.literal('reading'),
    next: id,
  });

export type ReadingStep = StepOf<typeof readingSchema>;

/** Paragraphs to read, then `next`. */
export const readingKind: StepKind<ReadingStep> = {
  kind: 'reading',
  schema: readingSchema,
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
