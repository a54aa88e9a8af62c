import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useContentTranslation } from '../shared/nation';
import { useServices } from '../../app/services';
import { findModule } from '../../content/catalog';
import type { CourseModule } from '../../engine/contentSchema';
import { catalogueKeys, lessonKeys } from '../../engine/contentKeys';
import { latestInProgress, type ModuleOverviewProgress } from '../../storage/moduleOverview';
import { emptyProgress, storedModuleOverview, type StoredProgress } from '../../storage/storedProgress';
import { CpdMinutes } from '../shared/CpdMinutes';
import { PageHeading } from '../shared/PageHeading';
import { StatusTag } from '../shared/StatusTag';
import { useStoredProgress } from '../shared/useStoredProgress';

/**
 * Assigned work (another feature's section, handed in by the app shell) and the database it reads
 * live load only on a device that has an assignment, keeping the first page small.
 */
function AssignedSection({ count, children }: { count: number; children: ReactNode }) {
  const { database } = useServices();
  const [databaseReady, setDatabaseReady] = useState(() => database.loaded() !== undefined);
  useEffect(() => {
    if (count === 0 || databaseReady) return;
    let current = true;
    void database.load().then(
      () => current && setDatabaseReady(true),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [count, database, databaseReady]);
  if (count === 0 || !databaseReady) return null;
  return <Suspense fallback={null}>{children}</Suspense>;
}

/** Names the module and lesson; the lesson's title loads with that module's words. */
function WhereYouWere({ moduleId, lessonId }: { moduleId: string; lessonId: string }) {
  const { t } = useContentTranslation(['catalogue', moduleId]);
  return (
    <p>
      {t(catalogueKeys.title(moduleId), { ns: 'catalogue' })}: {t(lessonKeys.title(lessonId), { ns: moduleId })}
    </p>
  );
}

function ContinueCard({ stored }: { stored: StoredProgress }) {
  const { t } = useContentTranslation();
  const { catalog } = useServices();
  const last = latestInProgress(stored.lessonProgress);
  const courseModule = last ? findModule(catalog, last.moduleId) : undefined;
  if (!last || !courseModule || !courseModule.lessons.some((lesson) => lesson.id === last.lessonId)) return null;
  return (
    <section className="panel panel--highlight" aria-labelledby="continue-heading">
      <h2 id="continue-heading">{t('dashboard.continueHeading')}</h2>
      <Suspense fallback={null}>
        <WhereYouWere moduleId={courseModule.id} lessonId={last.lessonId} />
      </Suspense>
      <Link
        className="button"
        to="/modules/$moduleId/lessons/$lessonId"
        params={{ moduleId: last.moduleId, lessonId: last.lessonId }}
      >
        {t('dashboard.continueAction')}
      </Link>
    </section>
  );
}

function ModuleCard({ courseModule, progress }: { courseModule: CourseModule; progress: ModuleOverviewProgress }) {
  const { t } = useContentTranslation();
  const lessonCount = courseModule.lessons.length;
  const headingId = `module-${courseModule.id}`;
  return (
    <li className="module-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to="/modules/$moduleId" params={{ moduleId: courseModule.id }}>
          {t(catalogueKeys.title(courseModule.id), { ns: 'catalogue' })}
        </Link>
      </h3>
      <p>{t(catalogueKeys.description(courseModule.id), { ns: 'catalogue' })}</p>
      <p className="meta">
        <CpdMinutes courseModule={courseModule} /> · {t('module.lessonCount', { count: lessonCount })}
      </p>
      <p>
        <span className="visually-hidden">{t('dashboard.statusLabel')} </span>
        <StatusTag status={progress.status} />
        {progress.toTakeAgain.length > 0 && (
          <> · {t('dashboard.toTakeAgain', { count: progress.toTakeAgain.length })}</>
        )}
      </p>
      <label className="progress-label">
        {t('dashboard.lessonsDone', { done: progress.completedLessons, total: lessonCount })}
        <progress max={lessonCount} value={progress.completedLessons} />
      </label>
    </li>
  );
}

/** `assignedWork`: the learner's assigned work, shown when this device has any. */
export function DashboardPage({ assignedWork = null }: { assignedWork?: ReactNode }) {
  const { t } = useContentTranslation();
  const { catalog, now } = useServices();
  const [stored] = useStoredProgress();
  // When storage is blocked every module shows as not started; StorageWarning explains why.
  const records: StoredProgress | undefined = stored && (stored.ok ? stored.progress : emptyProgress());
  const today = new Date(now()).toISOString().slice(0, 10);
  // Until IndexedDB answers, every module shows as a new learner's (as prerendered), so each
  // card's status line is there from the first paint and only its words change.
  const shown = records ?? emptyProgress();
  const progressOf = (courseModule: CourseModule) => storedModuleOverview(courseModule, shown, today);
  return (
    <>
      <PageHeading tabTitle={t('dashboard.tabTitle')}>{t('dashboard.heading')}</PageHeading>
      <p className="lead">{t('dashboard.intro')}</p>
      <p>
        {t('dashboard.safety')} <Link to="/safety">{t('safety.linkText')}</Link>
      </p>
      {records && <ContinueCard stored={records} />}
      {records && <AssignedSection count={records.assignments.length}>{assignedWork}</AssignedSection>}
      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">{t('dashboard.modulesHeading')}</h2>
        <ul className="module-list">
          {catalog.modules.map((courseModule) => (
            <ModuleCard key={courseModule.id} courseModule={courseModule} progress={progressOf(courseModule)} />
          ))}
        </ul>
      </section>
    </>
  );
}
