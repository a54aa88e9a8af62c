// A module's score across its lessons' latest results. Kept apart from the machine so pages
// that only read progress do not load XState.
import type { LessonResult } from './lessonMachine';

export function moduleScore(context: { results: Record<string, LessonResult> }): { correct: number; total: number } {
  let correct = 0;
  let total = 0;
  for (const result of Object.values(context.results)) {
    correct += result.correct;
    total += result.total;
  }
  return { correct, total };
}
