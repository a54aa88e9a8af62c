import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog';
import { ROLES } from '../../src/engine/content';
import type { CourseModule, Lesson, QuestionStep, Role } from '../../src/engine/contentSchema';
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
      expect(text.startsWith('H3')).toBe(true);
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

  it('keeps the nation each lesson was taken for, so a Wales path resumes on the Wales path', () => {
    for (const nation of ['wales', 'england'] as const) {
      const progress = worstCaseProgress(modules, 'health', undefined, nation);
      const text = encodeProgress(modules, mythIds, progress);
      expect(text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA_LIMIT);
      const back = decoded(text);
      expect(back.restartedLessons).toEqual([]);
      for (const lesson of back.lessons) {
        expect(placeOf(lesson.snapshot as never)).toEqual(progress.lessons[lesson.moduleId]?.[lesson.lessonId]);
      }
    }
    const wales = decoded(encodeProgress(modules, mythIds, worstCaseProgress(modules, null, undefined, 'wales')));
    const duty = wales.lessons.find((lesson) => lesson.lessonId === 'what-happens-now');
    expect((duty?.snapshot as unknown as { context: { visited: string[] } }).context.visited).toContain(
      'duty-to-report-wales',
    );
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

  it('keeps results, passes and the place in a changed lesson where its answers still fit, and restarts it where not', () => {
    const target = modules[1]!;
    const progress = worstCaseProgress(modules, null);
    progress.modules[target.id] = { ...progress.modules[target.id]!, status: 'passed', passedAt: 1_700_000_000_000 };
    // The first lesson is left part-way, after some answers, so it has a place to lose.
    const place = placeOf(playLesson(target.lessons[0]!, null, 6));
    expect(place.context.answers.length).toBeGreaterThan(0);
    progress.lessons[target.id]![target.lessons[0]!.id] = place;
    const text = encodeProgress(modules, mythIds, progress);
    const withFirstLesson = (lesson: Lesson) =>
      modules.map((courseModule) =>
        courseModule.id === target.id
          ? { ...courseModule, lessons: [lesson, ...courseModule.lessons.slice(1)] }
          : courseModule,
      );
    const readBack = (changed: CourseModule[]) => {
      const result = decodeProgress(changed, mythIds, text);
      if (!result.ok) throw new Error(result.reason);
      const saved = result.progress.modules.find((candidate) => candidate.moduleId === target.id)!;
      // Whatever changed, the pass and every result stay.
      expect(saved.status).toBe('passed');
      const context = (saved.snapshot as unknown as { context: { results: Record<string, unknown> } }).context;
      expect(Object.keys(context.results)).toEqual(target.lessons.map((lesson) => lesson.id));
      return result.progress;
    };

    // A new ending the learner's path does not touch: the lesson changed, the place is kept.
    const added = structuredClone(target.lessons[0]!);
    added.steps.push({ id: 'added-step', kind: 'summary', paragraphs: [] });
    const kept = readBack(withFirstLesson(added));
    expect(kept.restartedLessons).toEqual([]);
    const first = kept.lessons.find((lesson) => lesson.moduleId === target.id && lesson.lessonId === added.id)!;
    expect(placeOf(first.snapshot as never)).toEqual(place);

    // A step the learner answered offers another option: that lesson alone starts again.
    const reworded = structuredClone(target.lessons[0]!);
    const answered = reworded.steps.find((step) => step.id === place.context.answers[0]!.stepId) as QuestionStep;
    answered.options = [...answered.options, { id: 'another-option', correct: false, sources: [] }];
    const restarted = readBack(withFirstLesson(reworded));
    expect(restarted.restartedLessons).toEqual([{ moduleId: target.id, lessonId: reworded.id }]);
    expect(
      restarted.lessons.filter((lesson) => lesson.moduleId === target.id).map((lesson) => lesson.lessonId),
    ).toEqual(target.lessons.slice(1).map((lesson) => lesson.id));
  });

  it('restarts a changed lesson saved by version 2, which carried no answer fingerprints', () => {
    const courseModule = modules[1]!;
    const lesson = courseModule.lessons[0]!;
    // A place before any answer: version 2 wrote it exactly as version 3 does, bar the prefix.
    const place = placeOf(playLesson(lesson, null, 1));
    expect(place.context.answers).toEqual([]);
    const text = encodeProgress(modules, mythIds, {
      role: null,
      lessons: { [courseModule.id]: { [lesson.id]: place } },
      modules: {},
    });
    const changed = structuredClone(lesson);
    changed.steps.push({ id: 'added-step', kind: 'summary', paragraphs: [] });
    const changedModules = modules.map((candidate) =>
      candidate.id === courseModule.id
        ? { ...candidate, lessons: [changed, ...candidate.lessons.slice(1)] }
        : candidate,
    );
    const read = (version: string) => {
      const result = decodeProgress(changedModules, mythIds, version + text.slice(2));
      if (!result.ok) throw new Error(result.reason);
      return result.progress;
    };
    expect(read('H2').restartedLessons).toEqual([{ moduleId: courseModule.id, lessonId: lesson.id }]);
    expect(read('H3').restartedLessons).toEqual([]);
    expect(decoded(`H2${text.slice(2)}`).lessons).toHaveLength(1);
  });

  it('carries each lesson’s option order (its seed) through a round trip', () => {
    const lesson = modules[1]!.lessons[0]!;
    const place = placeOf(playLesson(lesson, null, 4, 'right', 123_456_789));
    const progress: CourseProgress = { role: null, lessons: { [modules[1]!.id]: { [lesson.id]: place } }, modules: {} };
    const [back] = decoded(encodeProgress(modules, mythIds, progress)).lessons;
    expect((back!.snapshot as unknown as { context: { seed: number } }).context.seed).toBe(123_456_789);
  });

  it('still reads version 1 progress: results and passes kept, places replayed where they fit', () => {
    const result = decodeProgress(modules, mythIds, 'H1-|1.p.1,!1.1.1');
    if (!result.ok) throw new Error(result.reason);
    expect(result.progress.modules).toMatchObject([{ moduleId: modules[0]!.id, status: 'passed' }]);
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
    expect(decodeProgress(modules, mythIds, 'H2-|q,!1.1.1')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/could not be read/),
    });
  });

  // 600 decodes of the whole course: slow on a loaded machine, so it has more time.
  it('never throws, whatever the text', () => {
    const valid = encodeProgress(modules, mythIds, worstCaseProgress(modules, 'education'));
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'H2-|,.!+~:0123456789abcpinAB_'.split('')) })),
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
  }, 30_000);
});
