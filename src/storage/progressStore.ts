// Reads and writes a learner's progress. Lesson and module state are XState persisted
// snapshots, so a reload restores the exact step (and feedback) the learner left.
import type { SnapshotFrom } from 'xstate';
import type { CourseModule, Lesson } from '../engine/contentSchema';
import type { lessonMachine } from '../engine/lessonMachine';
import type { AnswerEvent, HeardDatabase, LessonProgressRecord } from './database';
import { lessonKey, THIS_TAB } from './recordKeys';
import { latestInProgress, moduleOverview, type ModuleOverviewProgress } from './moduleOverview';

export type { ModuleOverviewProgress } from './moduleOverview';

export type LessonSnapshot = SnapshotFrom<typeof lessonMachine>;

export interface SavedLesson {
  /** A snapshot the lesson can resume from, or undefined to start fresh. */
  snapshot: unknown;
  /** True when saved progress was made with older content and the lesson restarts. */
  restartedForNewContent: boolean;
}

/** What a saved record offers: its snapshot, unless it was made with older content. */
export function savedLessonFrom(courseModule: CourseModule, record: LessonProgressRecord | undefined): SavedLesson {
  if (!record) return { snapshot: undefined, restartedForNewContent: false };
  if (record.contentVersion !== courseModule.version) return { snapshot: undefined, restartedForNewContent: true };
  return { snapshot: record.snapshot, restartedForNewContent: false };
}

export async function loadLesson(db: HeardDatabase, courseModule: CourseModule, lesson: Lesson): Promise<SavedLesson> {
  return savedLessonFrom(courseModule, await db.lessonProgress.get(lessonKey(courseModule.id, lesson.id)));
}

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
    contentVersion: courseModule.version,
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

export function isLessonSnapshotUsable(snapshot: unknown): snapshot is LessonSnapshot {
  return typeof snapshot === 'object' && snapshot !== null && 'value' in snapshot && 'context' in snapshot;
}
