// Done-when for content that changes under saved progress: a lesson gains a step, a `next` changes
// and an option goes; the learner's restored progress follows the new graph, answers on unchanged
// steps are kept, and a passed module stays passed (in the app and through SCORM suspend_data).
import { createActor } from 'xstate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CourseModule, Lesson, QuestionStep } from '../../src/engine/contentSchema';
import { createLessonMachine } from '../../src/engine/lessonMachine';
import { HeardDatabase } from '../../src/storage/database';
import { loadLesson, recordLessonStep } from '../../src/storage/lessonStep';
import { readModuleProgress, saveLesson } from '../../src/storage/progressStore';
import { decodeProgress, encodeProgress } from '../../src/lms/progressCodec';
import { readCourseProgress } from '../../src/lms/courseProgress';
import { practiceModule } from '../fixtures/practiceModule';

const [basics, scenario] = practiceModule.lessons as [Lesson, Lesson];
let db: HeardDatabase;
let counter = 0;
beforeEach(() => {
  db = new HeardDatabase(`content-change-${++counter}`);
});

/** Basics with a new reading step after "age" (so age's `next` changes) and one option fewer on "words". */
function changedBasics(): Lesson {
  const lesson = structuredClone(basics);
  const age = lesson.steps.find((step) => step.id === 'age') as QuestionStep;
  age.next = 'new-reading';
  lesson.steps.splice(2, 0, { id: 'new-reading', kind: 'reading', paragraphs: [], next: 'words' });
  const words = lesson.steps.find((step) => step.id === 'words') as QuestionStep;
  words.options = words.options.filter((option) => option.id !== 'groomed');
  return lesson;
}

const withLesson = (courseModule: CourseModule, lesson: Lesson): CourseModule => ({
  ...courseModule,
  lessons: courseModule.lessons.map((candidate) => (candidate.id === lesson.id ? lesson : candidate)),
});

/** The learner answered "age" and is now at "words", not yet answered. */
async function saveBasicsAtWords() {
  const actor = createActor(createLessonMachine(basics), { input: { seed: 42 } }).start();
  actor.send({ type: 'learner.continue' });
  actor.send({ type: 'learner.choose', optionIds: ['child'] });
  actor.send({ type: 'learner.continue' });
  expect(actor.getSnapshot().context.stepId).toBe('words');
  await saveLesson(db, practiceModule, basics, actor.getPersistedSnapshot(), 'words', false, 10);
}

describe('a lesson that changed under saved progress', () => {
  it('is restored on the new graph with the answers to unchanged steps kept', async () => {
    await saveBasicsAtWords();
    const lesson = changedBasics();
    const restored = await loadLesson(db, withLesson(practiceModule, lesson), lesson);
    if (restored.kind !== 'migrated') throw new Error(`expected a migration, got ${restored.kind}`);
    const actor = createActor(createLessonMachine(lesson), { snapshot: restored.snapshot, input: {} }).start();
    // The new step comes first, then the changed question; the answer to "age" is kept, the seed too.
    expect(actor.getSnapshot().value).toBe('reading');
    expect(actor.getSnapshot().context).toMatchObject({
      stepId: 'new-reading',
      visited: ['intro', 'age', 'new-reading'],
      answers: [{ stepId: 'age', optionIds: ['child'] }],
      seed: 42,
    });
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot().value).toBe('answering');
    expect(actor.getSnapshot().context.stepId).toBe('words');
    // The removed option is not offered any more: choosing it is refused.
    actor.send({ type: 'learner.choose', optionIds: ['groomed'] });
    expect(actor.getSnapshot().value).toBe('answering');
  });

  it('restarts, and says why, when a step the learner answered lost an option', async () => {
    await saveBasicsAtWords();
    const lesson = structuredClone(basics);
    const age = lesson.steps.find((step) => step.id === 'age') as QuestionStep;
    age.options = [...age.options, { id: 'depends', correct: false, sources: [] }];
    expect(await loadLesson(db, practiceModule, lesson)).toEqual({ kind: 'restarted', reason: 'content-changed' });
  });

  it('restarts when a step the learner answered is gone, and continues untouched when nothing changed', async () => {
    await saveBasicsAtWords();
    const lesson = structuredClone(basics);
    lesson.steps = lesson.steps.filter((step) => step.id !== 'age');
    (lesson.steps[0] as { next: string }).next = 'words';
    expect((await loadLesson(db, practiceModule, lesson)).kind).toBe('restarted');
    expect((await loadLesson(db, practiceModule, basics)).kind).toBe('same');
  });

  it('keeps a passed module passed, in the app and through SCORM suspend_data', async () => {
    for (const [lesson, stepId] of [
      [basics, 'end'],
      [scenario, 'good-end'],
    ] as const) {
      await recordLessonStep(db, {
        courseModule: practiceModule,
        lesson,
        persisted: {},
        stepId,
        atSummary: true,
        completed: { correct: 2, total: 2, myths: [] },
        at: 100,
      });
    }
    expect((await readModuleProgress(db, practiceModule)).status).toBe('passed');
    await saveBasicsAtWords();

    const changedModule = withLesson(practiceModule, changedBasics());
    const overview = await readModuleProgress(db, changedModule);
    expect(overview).toMatchObject({ status: 'passed', score: { correct: 4, total: 4 }, passedAt: 100 });

    // Saved for the LMS with the old content, read back with the new: still passed.
    const text = encodeProgress(
      [practiceModule],
      [],
      await readCourseProgress(db, { modules: [practiceModule] } as never),
    );
    const decoded = decodeProgress([changedModule], [], text);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.progress.modules).toMatchObject([{ moduleId: 'practice', status: 'passed' }]);
    // The place saved at "words" follows the new graph: the new step comes next, the answer to "age" is kept.
    expect(decoded.progress.restartedLessons).toEqual([]);
    const resumed = decoded.progress.lessons.find((lesson) => lesson.lessonId === 'basics');
    expect(resumed?.stepId).toBe('new-reading');
    expect((resumed?.snapshot as unknown as { context: unknown }).context).toMatchObject({
      visited: ['intro', 'age', 'new-reading'],
      answers: [{ stepId: 'age', optionIds: ['child'] }],
      seed: 42,
    });
    // Had the answered step changed, that lesson alone would start again (the pass stays).
    const ageChanged = structuredClone(changedModule);
    const age = ageChanged.lessons[0]!.steps.find((step) => step.id === 'age') as QuestionStep;
    age.options = age.options.filter((option) => option.id !== 'adult');
    const restarted = decodeProgress([ageChanged], [], text);
    if (!restarted.ok) throw new Error(restarted.reason);
    expect(restarted.progress.restartedLessons).toEqual([{ moduleId: 'practice', lessonId: 'basics' }]);
    expect(restarted.progress.modules).toMatchObject([{ moduleId: 'practice', status: 'passed' }]);
    // Retaking the changed lesson badly is practice: the pass stays.
    await recordLessonStep(db, {
      courseModule: changedModule,
      lesson: changedModule.lessons[0]!,
      persisted: {},
      stepId: 'end',
      atSummary: true,
      completed: { correct: 0, total: 2, myths: [] },
      at: 200,
    });
    expect((await readModuleProgress(db, changedModule)).status).toBe('passed');
  });
});

describe('a step added before the answers a learner gave', () => {
  /** Basics with a new reading step between the introduction and the answered question "age". */
  function insertedBeforeAge(): Lesson {
    const lesson = structuredClone(basics);
    (lesson.steps[0] as { next: string }).next = 'new-reading';
    lesson.steps.splice(1, 0, { id: 'new-reading', kind: 'reading', paragraphs: [], next: 'age' });
    return lesson;
  }

  it('resumes at the new step with the later answer kept, in the app and through SCORM alike', async () => {
    await saveBasicsAtWords();
    const lesson = insertedBeforeAge();
    const changedModule = withLesson(practiceModule, lesson);
    const restored = await loadLesson(db, changedModule, lesson);
    if (restored.kind !== 'migrated') throw new Error(`expected a migration, got ${restored.kind}`);
    expect(restored.snapshot.context).toMatchObject({
      stepId: 'new-reading',
      answers: [{ stepId: 'age', optionIds: ['child'] }],
    });

    const text = encodeProgress(
      [practiceModule],
      [],
      await readCourseProgress(db, { modules: [practiceModule] } as never),
    );
    const decoded = decodeProgress([changedModule], [], text);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.progress.restartedLessons).toEqual([]);
    const resumed = decoded.progress.lessons.find((place) => place.lessonId === 'basics');
    expect(resumed?.stepId).toBe('new-reading');
    const context = (resumed?.snapshot as unknown as { context: { answers: unknown } }).context;
    expect(context).toMatchObject({ stepId: 'new-reading', seed: 42 });
    expect(context.answers).toEqual(restored.snapshot.context.answers);

    // Carrying on from there: the new step, then "age" shows the kept answer's feedback.
    const actor = createActor(createLessonMachine(lesson), { snapshot: resumed!.snapshot as never, input: {} }).start();
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot().context.stepId).toBe('age');
    expect(actor.getSnapshot().value).toBe('feedback');
  });

  it('still restarts through SCORM when a later answer no longer matches its step', async () => {
    await saveBasicsAtWords();
    const lesson = insertedBeforeAge();
    const age = lesson.steps.find((step) => step.id === 'age') as QuestionStep;
    age.options = age.options.filter((option) => option.id !== 'adult');
    const changedModule = withLesson(practiceModule, lesson);
    const text = encodeProgress(
      [practiceModule],
      [],
      await readCourseProgress(db, { modules: [practiceModule] } as never),
    );
    const decoded = decodeProgress([changedModule], [], text);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.progress.restartedLessons).toEqual([{ moduleId: 'practice', lessonId: 'basics' }]);
  });
});

describe('one write per lesson step', () => {
  it('writes the place, the answer and the module result together, or none of them', async () => {
    await db.open();
    const step = {
      courseModule: practiceModule,
      lesson: scenario,
      persisted: {},
      stepId: 'good-end',
      atSummary: true,
      answers: [{ stepId: 'follow-up', optionIds: ['share'], correct: true, at: 5 }],
      completed: { correct: 2, total: 2, myths: [] },
      at: 5,
    };
    // A module store that refuses writes, as a full disk would, fails the whole step.
    const put = db.moduleProgress.put.bind(db.moduleProgress);
    db.moduleProgress.put = (() =>
      Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'))) as unknown as typeof put;
    await expect(recordLessonStep(db, step)).rejects.toThrow(/disk is full/);
    expect(await db.lessonProgress.count()).toBe(0);
    expect(await db.answers.count()).toBe(0);
    db.moduleProgress.put = put;
    await recordLessonStep(db, step);
    expect(await db.lessonProgress.count()).toBe(1);
    expect(await db.answers.count()).toBe(1);
    expect((await readModuleProgress(db, practiceModule)).lessons.scenario).toBe('completed');
  });
});

describe('progress from an LMS made on other content', () => {
  it('tells the learner which lesson started again when they open it', async () => {
    const { restoreCourseProgress } = await import('../../src/lms/courseProgress');
    const catalog = { modules: [practiceModule] } as never;
    await restoreCourseProgress(
      db,
      catalog,
      { role: null, lessons: [], modules: [], restartedLessons: [{ moduleId: 'practice', lessonId: 'basics' }] },
      10,
    );
    expect(await loadLesson(db, practiceModule, basics)).toEqual({ kind: 'restarted', reason: 'content-changed' });
    // Nothing is carried back to the LMS for it.
    expect((await readCourseProgress(db, catalog)).lessons.practice).toEqual({});
  });
});
