// Moves a learner's whole-course progress between the app's database and the shapes the progress
// codec and the LMS need: what to save in suspend_data, and what status and score to report.
// Module results and passes are carried whatever the content's state: a content change must never
// take a pass back from the LMS.
import type { Catalog } from '../content/catalog';
import { lessonHash } from '../engine/contentHash';
import { RESTART_MARKER, restoreLesson } from '../engine/lessonRestore';
import type { ModuleContext } from '../engine/moduleMachine';
import { moduleScore } from '../engine/moduleScore';
import { lessonKey, THIS_TAB, type HeardDatabase } from '../storage/database';
import type { CourseProgress, DecodedProgress, LessonPlace } from './progressCodec';

export async function readCourseProgress(db: HeardDatabase, catalog: Catalog): Promise<CourseProgress> {
  const [lessonRecords, moduleRecords, profile] = await Promise.all([
    db.lessonProgress.toArray(),
    db.moduleProgress.toArray(),
    db.profile.get('learner'),
  ]);
  const progress: CourseProgress = { role: profile?.role ?? null, lessons: {}, modules: {} };
  for (const courseModule of catalog.modules) {
    const places: Record<string, LessonPlace> = {};
    for (const record of lessonRecords) {
      if (record.moduleId !== courseModule.id) continue;
      const lesson = courseModule.lessons.find((candidate) => candidate.id === record.lessonId);
      // A place saved on other content is checked and migrated on the current lesson first.
      const restored = lesson ? restoreLesson(lesson, record.snapshot, record.contentHash) : undefined;
      if (restored?.kind === 'same' || restored?.kind === 'migrated') {
        const { value, context } = restored.snapshot;
        places[record.lessonId] = { value: value as string, context };
      }
    }
    progress.lessons[courseModule.id] = places;
    const saved = moduleRecords.find((record) => record.moduleId === courseModule.id);
    const context = (saved?.snapshot as { context?: Partial<ModuleContext> } | undefined)?.context;
    if (saved && context?.results) {
      progress.modules[courseModule.id] = {
        status: saved.status,
        results: context.results,
        passedAt: context.passedAt ?? null,
      };
    }
  }
  return progress;
}

/** Replaces the saved lesson and module progress with what came back from the LMS. */
export async function restoreCourseProgress(
  db: HeardDatabase,
  catalog: Catalog,
  decoded: DecodedProgress,
  now: number,
): Promise<void> {
  const hash = (moduleId: string, lessonId: string) => {
    const lesson = catalog.modules
      .find((courseModule) => courseModule.id === moduleId)
      ?.lessons.find((candidate) => candidate.id === lessonId);
    return lesson ? lessonHash(lesson) : undefined;
  };
  await db.transaction('rw', db.lessonProgress, db.moduleProgress, db.profile, async () => {
    await db.lessonProgress.clear();
    await db.moduleProgress.clear();
    await db.lessonProgress.bulkPut(
      decoded.lessons.map((lesson) => ({
        key: lessonKey(lesson.moduleId, lesson.lessonId),
        moduleId: lesson.moduleId,
        lessonId: lesson.lessonId,
        contentHash: hash(lesson.moduleId, lesson.lessonId),
        snapshot: lesson.snapshot,
        stepId: lesson.stepId,
        status: lesson.atSummary ? ('completed' as const) : ('in-progress' as const),
        updatedAt: now,
        writer: THIS_TAB,
      })),
    );
    // A lesson whose place could not be carried over says so when the learner opens it.
    await db.lessonProgress.bulkPut(
      decoded.restartedLessons.map((lesson) => ({
        key: lessonKey(lesson.moduleId, lesson.lessonId),
        moduleId: lesson.moduleId,
        lessonId: lesson.lessonId,
        contentHash: hash(lesson.moduleId, lesson.lessonId),
        snapshot: RESTART_MARKER,
        stepId: '',
        status: 'in-progress' as const,
        updatedAt: now,
        writer: THIS_TAB,
      })),
    );
    await db.moduleProgress.bulkPut(
      decoded.modules.map((saved) => ({
        moduleId: saved.moduleId,
        snapshot: saved.snapshot,
        status: saved.status,
        updatedAt: now,
      })),
    );
    const profile = (await db.profile.get('learner')) ?? { id: 'learner' as const };
    await db.profile.put({ ...profile, role: decoded.role ?? undefined });
  });
}

/** What the LMS is told about the course as a whole. */
export interface CourseStatus {
  /** The learner has done something in the course. */
  started: boolean;
  /** Every lesson of every module is finished. */
  completed: boolean;
  /** Every module is passed. */
  passed: boolean;
  /** Percentage of questions answered correctly in finished lessons, or null before any. */
  scorePercent: number | null;
}

export function courseStatus(catalog: Catalog, progress: CourseProgress): CourseStatus {
  let correct = 0;
  let total = 0;
  let completed = true;
  let passed = true;
  let started = false;
  for (const courseModule of catalog.modules) {
    const saved = progress.modules[courseModule.id];
    if (Object.keys(progress.lessons[courseModule.id] ?? {}).length > 0 || saved) started = true;
    if (!saved || saved.status === 'in-progress') completed = false;
    if (saved?.status !== 'passed') passed = false;
    if (saved) {
      const score = moduleScore(saved);
      correct += score.correct;
      total += score.total;
    }
  }
  return {
    started,
    completed: completed || passed,
    passed,
    scorePercent: total > 0 ? Math.round((100 * correct) / total) : null,
  };
}
