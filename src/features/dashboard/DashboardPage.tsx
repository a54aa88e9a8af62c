import { lazy, Suspense } from 'react';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { findModule } from '../../content/catalog';
import type { CourseModule } from '../../engine/contentSchema';
import { catalogueKeys, lessonKeys } from '../../engine/contentKeys';
import { lastLessonInProgress } from '../../storage/progressStore';
import { PageHeading } from '../shared/PageHeading';
import { StatusTag } from '../shared/StatusTag';
import { useModuleProgress } from '../shared/useModuleProgress';

// Assigned work loads only on a device that has an assignment, keeping the first page small.
const AssignedWork = lazy(() => import('../trainer/AssignedWork').then((module) => ({ default: module.AssignedWork })));

function AssignedSection() {
  const { db } = useServices();
  const count = useLiveQuery(() => db.assignments.count().catch(() => 0), [db]);
  if (!count) return null;
  return (
    <Suspense fallback={null}>
      <AssignedWork />
    </Suspense>
  );
}

/** Names the module and lesson; the lesson's title loads with that module's words. */
function WhereYouWere({ moduleId, lessonId }: { moduleId: string; lessonId: string }) {
  const { t } = useTranslation(['catalogue', moduleId]);
  return (
    <p>
      {t(catalogueKeys.title(moduleId), { ns: 'catalogue' })}: {t(lessonKeys.title(lessonId), { ns: moduleId })}
    </p>
  );
}

function ContinueCard() {
  const { t } = useTranslation();
  const { db, catalog } = useServices();
  const last = useLiveQuery(() => lastLessonInProgress(db).catch(() => undefined), [db]);
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

function ModuleCard({ courseModule }: { courseModule: CourseModule }) {
  const { t } = useTranslation();
  const progress = useModuleProgress(courseModule);
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
        {t('module.minutes', { count: courseModule.cpdMinutes })} · {t('module.lessonCount', { count: lessonCount })}
      </p>
      {progress && (
        <>
          <p>
            <span className="visually-hidden">{t('dashboard.statusLabel')} </span>
            <StatusTag status={progress.status} />
          </p>
          <label className="progress-label">
            {t('dashboard.lessonsDone', { done: progress.completedLessons, total: lessonCount })}
            <progress max={lessonCount} value={progress.completedLessons} />
          </label>
        </>
      )}
    </li>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { catalog } = useServices();
  return (
    <>
      <PageHeading tabTitle={t('dashboard.tabTitle')}>{t('dashboard.heading')}</PageHeading>
      <p className="lead">{t('dashboard.intro')}</p>
      <ContinueCard />
      <AssignedSection />
      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">{t('dashboard.modulesHeading')}</h2>
        <ul className="module-list">
          {catalog.modules.map((courseModule) => (
            <ModuleCard key={courseModule.id} courseModule={courseModule} />
          ))}
        </ul>
      </section>
    </>
  );
}
