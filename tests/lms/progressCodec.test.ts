import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog';
import { ROLES } from '../../src/engine/content';
import type { Role } from '../../src/engine/contentSchema';
import { moduleMachine } from '../../src/engine/moduleMachine';
import {
  decodeProgress,
  encodeProgress,
  SCORM12_SUSPEND_DATA_LIMIT,
  type CourseProgress,
} from '../../src/lms/progressCodec';
import { placeOf, playLesson, worstCaseProgress } from '../fixtures/courseWalk';

const catalog = loadCatalog();
const { modules, mythIds } = catalog;
const everyRole: (Role | null)[] = [...ROLES, null];

function decoded(text: string) {
  const result = decodeProgress(modules, mythIds, text);
  if (!result.ok) throw new Error(result.reason);
  return result.progress;
}

describe('progress codec', () => {
  it.each(everyRole.map((role) => [role ?? 'no role', role] as const))(
    'fits the whole course, every lesson finished the longest way, in 4,096 characters (%s)',
    (_, role) => {
      const progress = worstCaseProgress(modules, role);
      const lessonCount = modules.reduce((sum, courseModule) => sum + courseModule.lessons.length, 0);
      expect(Object.values(progress.lessons).flatMap(Object.values)).toHaveLength(lessonCount);
      const text = encodeProgress(modules, mythIds, progress);
      expect(text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA_LIMIT);
      expect(text.startsWith('H1')).toBe(true);
    },
  );

  it('rebuilds every lesson at its exact step and every module result from the text', () => {
    const progress = worstCaseProgress(modules, 'police');
    const back = decoded(encodeProgress(modules, mythIds, progress));
    expect(back.role).toBe('police');
    for (const lesson of back.lessons) {
      const original = progress.lessons[lesson.moduleId]?.[lesson.lessonId];
      expect(placeOf(lesson.snapshot as never)).toEqual(original);
      expect(lesson.atSummary).toBe(true);
    }
    expect(back.lessons).toHaveLength(Object.values(progress.lessons).flatMap(Object.values).length);
    for (const saved of back.modules) {
      const original = progress.modules[saved.moduleId];
      const context = (saved.snapshot as unknown as { context: { results: unknown; passedAt: unknown } }).context;
      expect(saved.status).toBe('not-passed');
      expect(context.results).toEqual(original?.results);
      expect(context.passedAt).toBe(original?.passedAt);
    }
  });

  it('resumes a lesson left part-way at the same step, feedback included', () => {
    const courseModule = modules.find((candidate) => candidate.id === 'adultification')!;
    const lesson = courseModule.lessons[0]!;
    for (const stopAfter of [0, 1, 2, 3, 4, 7]) {
      const snapshot = playLesson(lesson, 'health', stopAfter);
      const progress: CourseProgress = {
        role: 'health',
        lessons: { [courseModule.id]: { [lesson.id]: placeOf(snapshot) } },
        modules: {},
      };
      const back = decoded(encodeProgress(modules, mythIds, progress));
      expect(back.lessons).toHaveLength(1);
      expect(placeOf(back.lessons[0]!.snapshot as never)).toEqual(placeOf(snapshot));
    }
  });

  it('gives a module snapshot the module machine restores as passed', () => {
    const courseModule = modules[0]!;
    const results = Object.fromEntries(
      courseModule.lessons.map((lesson) => [
        lesson.id,
        { correct: 2, total: 2, myths: [], completedAt: 1_700_000_000_000 },
      ]),
    );
    const progress: CourseProgress = {
      role: null,
      lessons: {},
      modules: { [courseModule.id]: { status: 'passed', results, passedAt: 1_700_000_000_000 } },
    };
    const [saved] = decoded(encodeProgress(modules, mythIds, progress)).modules;
    const actor = createActor(moduleMachine, {
      input: { moduleId: courseModule.id, lessonIds: courseModule.lessons.map((lesson) => lesson.id) },
      snapshot: saved!.snapshot as never,
    }).start();
    expect(actor.getSnapshot().value).toBe('passed');
    expect(actor.getSnapshot().context.passedAt).toBe(1_700_000_000_000);
  });

  it('starts a module again when its content changed since the progress was saved', () => {
    const progress = worstCaseProgress(modules, null);
    const text = encodeProgress(modules, mythIds, progress);
    const changed = modules.map((courseModule, index) =>
      index === 1 ? { ...courseModule, version: courseModule.version + 1 } : courseModule,
    );
    const result = decodeProgress(changed, mythIds, text);
    expect(result.ok && result.progress.restartedModules).toEqual([modules[1]!.id]);
    expect(result.ok && result.progress.lessons.some((lesson) => lesson.moduleId === modules[1]!.id)).toBe(false);
  });

  it('explains, in plain words, text it cannot use', () => {
    expect(decodeProgress(modules, mythIds, '')).toEqual({ ok: false, reason: 'There is no saved progress.' });
    expect(decodeProgress(modules, mythIds, 'hello')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not made by this course/),
    });
    expect(decodeProgress(modules, mythIds, 'H9-')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/newer version/),
    });
    expect(decodeProgress(modules, mythIds, 'H1-|1.i,0AAAAAAA')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/could not be read/),
    });
  });

  it('never throws, whatever the text', () => {
    const valid = encodeProgress(modules, mythIds, worstCaseProgress(modules, 'education'));
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'H1-|,.!+~0123456789abcpinAB_'.split('')) })),
        (text) => {
          const result = decodeProgress(modules, mythIds, text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(valid.length), fc.string({ maxLength: 3 }), (cut, noise) => {
        const result = decodeProgress(modules, mythIds, valid.slice(0, cut) + noise + valid.slice(cut + noise.length));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
