import { completeLesson } from '../../src/storage/moduleCompletion';
import { createActor } from 'xstate';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLessonMachine, lessonResult } from '../../src/engine/lessonMachine';
import { loadLesson } from '../../src/storage/lessonStep';
import { HeardDatabase } from '../../src/storage/database';
import {
  lastLessonInProgress,
  readModuleProgress,
  recordAnswer,
  restartModule,
  saveLesson,
} from '../../src/storage/progressStore';
import { practiceModule } from '../fixtures/practiceModule';

const [basics, scenario] = practiceModule.lessons;
let db: HeardDatabase;
let counter = 0;

beforeEach(() => {
  db = new HeardDatabase(`progress-test-${++counter}`);
});

function playedTo(stepCount: number) {
  const actor = createActor(createLessonMachine(basics), { input: {} }).start();
  if (stepCount > 0) actor.send({ type: 'learner.continue' });
  if (stepCount > 1) actor.send({ type: 'learner.choose', optionIds: ['child'] });
  return actor;
}

describe('progress store', () => {
  it('saves a lesson snapshot and loads it back', async () => {
    const actor = playedTo(2);
    await saveLesson(db, practiceModule, basics, actor.getPersistedSnapshot(), 'age', false, 10);
    const saved = await loadLesson(db, practiceModule, basics);
    if (saved.kind !== 'same') throw new Error(`expected the same place, got ${saved.kind}`);
    const restored = createActor(createLessonMachine(basics), { snapshot: saved.snapshot, input: {} }).start();
    expect(restored.getSnapshot().value).toBe('feedback');
  });

  it('starts a lesson fresh, and says so, when a step the learner answered changed', async () => {
    await saveLesson(db, practiceModule, basics, playedTo(2).getPersistedSnapshot(), 'age', false, 10);
    const changed = structuredClone(basics);
    const age = changed.steps[1] as { options: unknown[] };
    age.options.push({ id: 'unsure', correct: false, sources: [] });
    expect(await loadLesson(db, practiceModule, changed)).toEqual({ kind: 'restarted', reason: 'content-changed' });
  });

  it('records every answer event', async () => {
    await recordAnswer(db, {
      moduleId: 'practice',
      lessonId: 'basics',
      stepId: 'age',
      optionIds: ['adult'],
      correct: false,
      at: 5,
    });
    await recordAnswer(db, {
      moduleId: 'practice',
      lessonId: 'basics',
      stepId: 'age',
      optionIds: ['child'],
      correct: true,
      at: 6,
    });
    expect(await db.answers.where({ moduleId: 'practice', lessonId: 'basics' }).count()).toBe(2);
  });

  it('marks the module passed once every lesson is completed above the pass mark', async () => {
    expect((await readModuleProgress(db, practiceModule)).status).toBe('not-started');
    await saveLesson(db, practiceModule, basics, {}, 'end', true, 10);
    await completeLesson(db, practiceModule, 'basics', { correct: 2, total: 2, myths: [] }, 10);
    let progress = await readModuleProgress(db, practiceModule);
    expect(progress.status).toBe('in-progress');
    expect(progress.lessons).toEqual({ basics: 'completed', scenario: 'not-started' });

    await saveLesson(db, practiceModule, scenario, {}, 'good-end', true, 20);
    await completeLesson(db, practiceModule, 'scenario', { correct: 2, total: 2, myths: [] }, 20);
    progress = await readModuleProgress(db, practiceModule);
    expect(progress).toMatchObject({
      status: 'passed',
      completedLessons: 2,
      score: { correct: 4, total: 4 },
      passedAt: 20,
    });
  });

  it('reports the myths a learner showed when the module is not passed', async () => {
    const actor = createActor(createLessonMachine(scenario), { input: {} }).start();
    actor.send({ type: 'learner.choose', optionIds: ['wait'] });
    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.choose', optionIds: ['close'] });
    actor.send({ type: 'learner.continue' });
    await completeLesson(db, practiceModule, 'basics', { correct: 0, total: 2, myths: ['shes-streetwise'] }, 10);
    await completeLesson(db, practiceModule, 'scenario', lessonResult(scenario, actor.getSnapshot().context), 20);
    const progress = await readModuleProgress(db, practiceModule);
    expect(progress.status).toBe('not-passed');
    expect(progress.myths.sort()).toEqual(['no-complaint-no-case', 'shes-streetwise', 'wait-for-disclosure']);
  });

  it('offers the most recently used unfinished lesson to continue', async () => {
    await saveLesson(db, practiceModule, basics, {}, 'age', false, 10);
    await saveLesson(db, practiceModule, scenario, {}, 'call', false, 20);
    expect((await lastLessonInProgress(db))?.lessonId).toBe('scenario');
    await saveLesson(db, practiceModule, scenario, {}, 'good-end', true, 30);
    expect((await lastLessonInProgress(db))?.lessonId).toBe('basics');
  });

  it('restarting a module clears its places and results but keeps the answer history', async () => {
    await recordAnswer(db, {
      moduleId: 'practice',
      lessonId: 'basics',
      stepId: 'age',
      optionIds: ['child'],
      correct: true,
      at: 5,
    });
    await saveLesson(db, practiceModule, basics, {}, 'age', false, 10);
    await completeLesson(db, practiceModule, 'basics', { correct: 1, total: 1, myths: [] }, 10);
    await restartModule(db, 'practice');
    expect((await readModuleProgress(db, practiceModule)).status).toBe('not-started');
    expect(await db.answers.count()).toBe(1);
  });
});
