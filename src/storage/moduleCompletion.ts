// Finishing a lesson: the module machine decides what the new result means (in progress, passed,
// not passed) and its snapshot is saved. Only the lesson player needs this, so XState loads with it.
import { createActor, type SnapshotFrom } from 'xstate';
import type { CourseModule } from '../engine/contentSchema';
import type { LessonResult } from '../engine/lessonMachine';
import { moduleMachine } from '../engine/moduleMachine';
import type { HeardDatabase, ModuleProgressRecord } from './database';

export type ModuleSnapshot = SnapshotFrom<typeof moduleMachine>;

function moduleActor(courseModule: CourseModule, record: ModuleProgressRecord | undefined) {
  const input = {
    moduleId: courseModule.id,
    lessonIds: courseModule.lessons.map((lesson) => lesson.id),
    passMark: courseModule.passMark,
  };
  const usable = record && record.contentVersion === courseModule.version;
  return createActor(moduleMachine, usable ? { input, snapshot: record.snapshot as ModuleSnapshot } : { input });
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
      contentVersion: courseModule.version,
      snapshot: actor.getPersistedSnapshot(),
      status: moduleStatus(snapshot),
      updatedAt: now,
    });
    actor.stop();
    return snapshot;
  });
}
