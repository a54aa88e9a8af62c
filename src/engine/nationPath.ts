// Which nation's path a learner took through some lessons, for the records that carry it
// (certificates, receipts): read from each lesson's saved place, never from what a record claims.
import type { Lesson, Nation } from './contentSchema';
import { readSavedPlace } from './lessonRestore';

/**
 * The nation of the path taken: the one every lesson with a nation branch was taken for; with no
 * nation branch among them, the learner's own nation (the words they read followed it). Undefined
 * when lessons were taken for different nations, or none was given: the record then names none.
 */
export function nationOfPath(
  lessons: readonly { lesson: Lesson; saved: unknown }[],
  learnerNation: Nation | null | undefined,
): Nation | undefined {
  const taken = new Set<Nation | null>();
  for (const { lesson, saved } of lessons) {
    if (!lesson.steps.some((step) => step.kind === 'nationBranch')) continue;
    taken.add(readSavedPlace(saved)?.context.nation ?? null);
  }
  if (taken.size === 0) return learnerNation ?? undefined;
  const [only] = [...taken];
  return taken.size === 1 && only ? only : undefined;
}
