// What a module's saved records add up to: status, lessons done, score and myths shown. Pure, and
// free of Dexie and XState, so the dashboard can show progress before either has loaded.
import type { CourseModule } from '../engine/contentSchema';
import type { ModuleContext } from '../engine/moduleMachine';
import { moduleScore } from '../engine/moduleScore';
import type { CertificateRecord, LessonProgressRecord, ModuleProgressRecord } from './database';

export interface ModuleOverviewProgress {
  /** 'due' is a pass whose latest certificate is past its refresh-by date. */
  status: 'not-started' | 'in-progress' | 'passed' | 'not-passed' | 'due';
  lessons: Record<string, 'not-started' | 'in-progress' | 'completed'>;
  completedLessons: number;
  score: { correct: number; total: number } | null;
  /** Each finished lesson's latest result. */
  lessonScores: Record<string, { correct: number; total: number }>;
  /** When the module is done below the pass mark: the lessons, in course order, with decisions to look at again. */
  toTakeAgain: string[];
  myths: string[];
  passedAt: number | null;
}

export interface ModuleRecords {
  /** Any lesson records; those of other modules are ignored. */
  lessonRecords: LessonProgressRecord[];
  moduleRecord: ModuleProgressRecord | undefined;
  /** Any certificates; those not covering this module are ignored. */
  certificates: CertificateRecord[];
}

/** `today` (YYYY-MM-DD) lets a pass whose certificate needs refreshing show as due. */
export function moduleOverview(
  courseModule: CourseModule,
  { lessonRecords, moduleRecord, certificates }: ModuleRecords,
  today?: string,
): ModuleOverviewProgress {
  // Results and passes survive content changes; a lesson's changed steps are dealt with when it opens.
  const current = moduleRecord;
  // Read the saved machine context directly: showing progress should not need XState loaded.
  const context = current ? (current.snapshot as { context?: Partial<ModuleContext> }).context : undefined;
  // Results of lessons the module no longer has do not count.
  const results = Object.fromEntries(
    Object.entries(context?.results ?? {}).filter(([lessonId]) =>
      courseModule.lessons.some((lesson) => lesson.id === lessonId),
    ),
  );
  const lessons: ModuleOverviewProgress['lessons'] = {};
  for (const lesson of courseModule.lessons) {
    const record = lessonRecords.find(
      (candidate) => candidate.moduleId === courseModule.id && candidate.lessonId === lesson.id,
    );
    if (lesson.id in results && (!record || record.status === 'completed')) lessons[lesson.id] = 'completed';
    else if (record) lessons[lesson.id] = record.status === 'completed' ? 'completed' : 'in-progress';
    else lessons[lesson.id] = 'not-started';
  }
  const completedLessons = Object.values(lessons).filter((status) => status === 'completed').length;
  const touched = Object.values(lessons).some((status) => status !== 'not-started');
  const { correct, total } = moduleScore({ results });
  const lessonScores: ModuleOverviewProgress['lessonScores'] = {};
  for (const [lessonId, result] of Object.entries(results))
    lessonScores[lessonId] = { correct: result.correct, total: result.total };
  const myths = new Set(Object.values(results).flatMap((result) => result.myths));
  const latestRefresh = certificates
    .filter((certificate) => certificate.moduleIds.includes(courseModule.id))
    .map((certificate) => certificate.refreshBy)
    .sort()
    .at(-1);
  const refreshDue =
    current?.status === 'passed' && today !== undefined && latestRefresh !== undefined && latestRefresh < today;
  const status: ModuleOverviewProgress['status'] = refreshDue
    ? 'due'
    : current?.status === 'passed' || current?.status === 'not-passed'
      ? current.status
      : touched
        ? 'in-progress'
        : 'not-started';
  const toTakeAgain =
    status === 'not-passed'
      ? courseModule.lessons
          .map((lesson) => lesson.id)
          .filter((lessonId) => lessonScores[lessonId] && lessonScores[lessonId].correct < lessonScores[lessonId].total)
      : [];
  return {
    status,
    lessons,
    completedLessons,
    score: total > 0 ? { correct, total } : null,
    lessonScores,
    toTakeAgain,
    myths: [...myths],
    passedAt: context?.passedAt ?? null,
  };
}

/** The lesson the learner was most recently in the middle of, to offer "Continue where you left off". */
export function latestInProgress(records: LessonProgressRecord[]): LessonProgressRecord | undefined {
  return records
    .filter((record) => record.status === 'in-progress')
    .reduce<LessonProgressRecord | undefined>(
      (latest, record) => (!latest || record.updatedAt > latest.updatedAt ? record : latest),
      undefined,
    );
}
