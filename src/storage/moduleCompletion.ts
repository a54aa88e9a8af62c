// Finishing a lesson: the module machine decides what the new result means (in progress, passed,
// not passed) and the result is saved. Only the lesson player needs this, so XState loads with it.
// Saved results are rebuilt on the module as it ships now, so a content change never un-passes it.
import { createActor, type SnapshotFrom } from 'xstate';
import type { CourseModule } from '../engine/contentSchema';
import type { LessonResult } from '../engine/lessonMachine';
import { moduleMachine, moduleStateFrom, type ModuleContext } from '../engine/moduleMachine';
import type { HeardDatabase, ModuleProgressRecord } from './database';

export type ModuleSnapshot = SnapshotFrom<typeof moduleMachine>;

function moduleActor(courseModule: CourseModule, record: ModuleProgressRecord | undefined) {
  const context = (record?.snapshot as { context?: Partial<ModuleContext> } | undefined)?.context;
  const input = {
    moduleId: courseModule.id,
    lessonIds: courseModule.lessons.map((lesson) => lesson.id),
    passMark: courseModule.passMark,
  };
  if (!record || !context) return createActor(moduleMachine, { input });
  const snapshot = moduleStateFrom(courseModule, {
    status: record.status,
    results: context.results ?? {},
    passedAt: context.passedAt ?? null,
  });
  return createActor(moduleMachine, { input, snapshot });
}

function moduleStatus(snapshot: ModuleSnapshot): ModuleProgressRecord['status'] {
  if (snapshot.matches('passed')) return 'passed';
  if (snapshot.matches('notPassed')) return 'not-passed';
  return 'in-progress';
}

/** Tells the module machine a lesson was finished and saves what it decides. */
export async function completeLesson(
  db: HeardDatabase,
  courseModule: CourseModule,
  lessonId: string,
  result: LessonResult,
  now: number,
): Promise<ModuleSnapshot> {
  return db.transaction('rw', db.moduleProgress, async () => {
    const actor = moduleActor(courseModule, await db.moduleProgress.get(courseModule.id)).start();
    actor.send({ type: 'lesson.completed', lessonId, result, at: now });
    const snapshot = actor.getSnapshot();
    await db.moduleProgress.put({
      moduleId: courseModule.id,
      snapshot: actor.getPersistedSnapshot(),
      status: moduleStatus(snapshot),
      updatedAt: now,
    });
    actor.stop();
    return snapshot;
  });
}
