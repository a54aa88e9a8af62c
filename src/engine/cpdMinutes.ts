// Estimates CPD minutes for a module from what a learner reads and decides, so the figure on the
// certificate and the dashboard follows the content instead of an author's guess.
import type { CourseModule } from './contentSchema';
import { isDecisionStep } from './content';

/** A careful reading pace for dense professional material. */
export const WORDS_PER_MINUTE = 180;
/** Time to weigh up a decision before answering, beyond reading it. */
export const MINUTES_PER_DECISION = 1;

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Explanations are weighted by half (a learner reads the one they chose and some of the others),
 * and the total is rounded up to the next 5 minutes, as CPD records usually are.
 */
export function estimateCpdMinutes(courseModule: CourseModule, words: Record<string, string>): number {
  let wordCount = 0;
  for (const [key, text] of Object.entries(words))
    wordCount += key.endsWith('.why') ? countWords(text) / 2 : countWords(text);
  const decisions = courseModule.lessons.flatMap((lesson) => lesson.steps).filter(isDecisionStep).length;
  const minutes = wordCount / WORDS_PER_MINUTE + decisions * MINUTES_PER_DECISION;
  return Math.max(5, Math.ceil(minutes / 5) * 5);
}
