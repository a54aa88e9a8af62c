import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase, useServices } from '../../app/services';
import type { CourseModule } from '../../engine/contentSchema';
import type { ModuleOverviewProgress } from '../../storage/moduleOverview';
import { readModuleProgress } from '../../storage/progressStore';

function notStarted(courseModule: CourseModule): ModuleOverviewProgress {
  const lessons = Object.fromEntries(courseModule.lessons.map((lesson) => [lesson.id, 'not-started' as const]));
  return {
    status: 'not-started',
    lessons,
    completedLessons: 0,
    score: null,
    lessonScores: {},
    toTakeAgain: [],
    myths: [],
    passedAt: null,
  };
}

/** Live progress for one module; undefined while it loads. */
export function useModuleProgress(courseModule: CourseModule | undefined): ModuleOverviewProgress | undefined {
  const db = useDatabase();
  const { now } = useServices();
  // When storage is blocked the module simply shows as not started; StorageWarning explains why.
  return useLiveQuery(
    () =>
      courseModule
        ? readModuleProgress(db, courseModule, new Date(now()).toISOString().slice(0, 10)).catch(() =>
            notStarted(courseModule),
          )
        : undefined,
    [db, courseModule, now],
  );
}
