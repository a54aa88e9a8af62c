// A lesson's structural hash: what a learner's saved progress depends on (steps, where each leads,
// options and which are right) and nothing a translator or a fact-checker changes (words, sources).
// `npm run content:stamp` records each lesson's hash in modules/content-hashes.json and a content
// test fails when a lesson changed without a new stamp, so a structural change is always noticed.
// Saved progress keeps the hash it was made with; a different hash means "check and migrate".
import type { CourseModule, Lesson, Step } from './contentSchema';
import { hash32 } from './shuffle';

function structureOf(step: Step): unknown {
  switch (step.kind) {
    case 'question':
    case 'scenario':
      return {
        ...step,
        paragraphs: undefined,
        options: step.options.map(({ id, correct, next, pinned }) => ({ id, correct, next, pinned: Boolean(pinned) })),
      };
    default:
      return { ...step, paragraphs: undefined };
  }
}

/** Stable JSON: keys sorted, undefined left out, so the hash does not depend on field order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const known = new WeakMap<Lesson, string>();

/** Two differently seeded 32-bit hashes, so an accidental match is about one in 10^19. */
export function lessonHash(lesson: Lesson): string {
  const cached = known.get(lesson);
  if (cached) return cached;
  const text = canonical({ id: lesson.id, start: lesson.start, steps: lesson.steps.map(structureOf) });
  const hash = hash32(text).toString(36).padStart(7, '0') + hash32(`heard:${text}`).toString(36).padStart(7, '0');
  known.set(lesson, hash);
  return hash;
}

/** Every lesson's hash, keyed by module id then lesson id, as content-hashes.json holds them. */
export function contentHashes(modules: CourseModule[]): Record<string, Record<string, string>> {
  return Object.fromEntries(
    modules.map((courseModule) => [
      courseModule.id,
      Object.fromEntries(courseModule.lessons.map((lesson) => [lesson.id, lessonHash(lesson)])),
    ]),
  );
}
