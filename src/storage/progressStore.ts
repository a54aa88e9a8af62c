// Reads and writes a learner's progress. Lesson and module state are XState persisted snapshots
// holding only the learner's own state; each lesson record keeps the lesson's structural hash, so
// progress made on other content is noticed and migrated (src/engine/lessonRestore.ts).
import type { CourseModule, Lesson } from '../engine/contentSchema';
import { lessonHash } from '../engine/contentHash';
import type { AnswerEvent, HeardDatabase, LessonProgressRecord } from './database';
import { lessonKey, THIS_TAB } from './recordKeys';
import { latestInProgress, moduleOverview, type ModuleOverviewProgress } from './moduleOverview';

export type { ModuleOverviewProgress } from './moduleOverview';

export type { LessonSnapshot } from '../engine/lessonMachine';

export async function saveLesson(
  db: HeardDatabase,
  courseModule: CourseModule,
  lesson: Lesson,
  persisted: unknown,
  stepId: string,
  atSummary: boolean,
  now: number,
): Promise<void> {
  const record: LessonProgressRecord = {
    key: lessonKey(courseModule.id, lesson.id),
    moduleId: courseModule.id,
    lessonId: lesson.id,
    contentHash: lessonHash(lesson),
    snapshot: persisted,
    stepId,
    status: atSummary ? 'completed' : 'in-progress',
    updatedAt: now,
    writer: THIS_TAB,
  };
  await db.lessonProgress.put(record);
}

export async function recordAnswer(db: HeardDatabase, answer: Omit<AnswerEvent, 'id'>): Promise<void> {
  await db.answers.add(answer);
}

export async function restartLesson(db: HeardDatabase, moduleId: string, lessonId: string): Promise<void> {
  await db.lessonProgress.delete(lessonKey(moduleId, lessonId));
}

/** Clears a module's lessons and results; the learner's answer history is kept. */
export async function restartModule(db: HeardDatabase, moduleId: string): Promise<void> {
  await db.transaction('rw', db.lessonProgress, db.moduleProgress, async () => {
    await db.lessonProgress.where('moduleId').equals(moduleId).delete();
    await db.moduleProgress.delete(moduleId);
  });
}

/** `today` (YYYY-MM-DD) lets a pass whose certificate needs refreshing show as due. */
export async function readModuleProgress(
  db: HeardDatabase,
  courseModule: CourseModule,
  today?: string,
): Promise<ModuleOverviewProgress> {
  const [lessonRecords, moduleRecord, certificates] = await Promise.all([
    db.lessonProgress.where('moduleId').equals(courseModule.id).toArray(),
    db.moduleProgress.get(courseModule.id),
    today ? db.certificates.where('moduleIds').equals(courseModule.id).toArray() : Promise.resolve([]),
  ]);
  return moduleOverview(courseModule, { lessonRecords, moduleRecord, certificates }, today);
}

/** The lesson the learner was most recently in the middle of, to offer "Continue where you left off". */
export async function lastLessonInProgress(db: HeardDatabase): Promise<LessonProgressRecord | undefined> {
  return latestInProgress(await db.lessonProgress.toArray());
}
