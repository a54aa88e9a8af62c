import { useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { findModule } from '../../content/catalog';
import { formatLawCheckedTo } from '../../content/lawChecked';
import type { CourseModule } from '../../engine/contentSchema';
import { catalogueKeys, lessonKeys, moduleKeys } from '../../engine/contentKeys';
import { restartModule, type ModuleOverviewProgress } from '../../storage/progressStore';
import { MythList } from '../shared/MythList';
import { NotFoundPage } from '../shared/NotFoundPage';
import { PageHeading } from '../shared/PageHeading';
import { StatusTag } from '../shared/StatusTag';
import { SupportSignpost } from '../shared/SupportSignpost';
import { useModuleProgress } from '../shared/useModuleProgress';

const route = getRouteApi('/modules/$moduleId');

function nextLessonId(courseModule: CourseModule, progress: ModuleOverviewProgress | undefined): string {
  const lessons = courseModule.lessons;
  if (!progress) return lessons[0].id;
  const inProgress = lessons.find((lesson) => progress.lessons[lesson.id] === 'in-progress');
  const notStarted = lessons.find((lesson) => progress.lessons[lesson.id] === 'not-started');
  return (inProgress ?? notStarted ?? lessons[0]).id;
}

function RestartModule({ moduleId }: { moduleId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        {t('module.restart')}
      </button>
    );
  }
  return (
    <div className="panel panel--warning" role="group" aria-labelledby="restart-confirm">
      <p id="restart-confirm">{t('module.restartConfirm')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--warning"
          onClick={() => {
            void restartModule(db, moduleId).then(() => setConfirming(false));
          }}
        >
          {t('module.restartYes')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          {t('module.restartNo')}
        </button>
      </div>
    </div>
  );
}

function ModuleOverview({ courseModule }: { courseModule: CourseModule }) {
  const { t, i18n } = useTranslation();
  const { t: tModule } = useTranslation(courseModule.id);
  const progress = useModuleProgress(courseModule);
  const status = progress?.status ?? 'not-started';
  const actionKey =
    status === 'not-started' ? 'module.start' : status === 'in-progress' ? 'module.continue' : 'module.review';
  const percentage = progress?.score ? Math.round((progress.score.correct / progress.score.total) * 100) : null;

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/">{t('nav.dashboard')}</Link>
      </p>
      <PageHeading tabTitle={t('module.tabTitle')}>
        {t(catalogueKeys.title(courseModule.id), { ns: 'catalogue' })}
      </PageHeading>
      <p className="lead">{t(catalogueKeys.description(courseModule.id), { ns: 'catalogue' })}</p>
      <p className="meta">
        {t('module.minutes', { count: courseModule.cpdMinutes })} ·{' '}
        {t('module.lessonCount', { count: courseModule.lessons.length })} ·{' '}
        {t('module.passMark', { percent: Math.round(courseModule.passMark * 100) })}
      </p>
      <p>
        <span className="visually-hidden">{t('dashboard.statusLabel')} </span>
        <StatusTag status={status} />
        {percentage !== null && status !== 'in-progress' && (
          <>
            {' '}
            {t('module.score', {
              percent: percentage,
              correct: progress?.score?.correct,
              total: progress?.score?.total,
            })}
          </>
        )}
      </p>

      {(status === 'passed' || status === 'due') && (
        <p>
          <Link to="/certificates">{t('module.getCertificate')}</Link>
        </p>
      )}

      <section className="panel panel--note" aria-labelledby="content-note-heading">
        <h2 id="content-note-heading">{t('contentNote.heading')}</h2>
        <p>
          <strong>{t(`contentNote.intensity.${courseModule.contentNote.intensity}`)}</strong>
        </p>
        <p>{tModule(moduleKeys.contentNote)}</p>
        <p>
          {t('contentNote.breaks')} <Link to="/support">{t('contentNote.supportLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t('module.outcomesHeading')}</h2>
        <ul>
          {courseModule.outcomes.map((outcome) => (
            <li key={outcome}>{tModule(moduleKeys.outcome(outcome))}</li>
          ))}
        </ul>
      </section>

      <p className="composite-note">{t('module.compositeNote')}</p>
      <p className="law-checked">
        {t('module.lawCheckedTo', { date: formatLawCheckedTo(courseModule, i18n.language) })}
      </p>

      <p>
        <Link
          className="button"
          to="/modules/$moduleId/lessons/$lessonId"
          params={{ moduleId: courseModule.id, lessonId: nextLessonId(courseModule, progress) }}
        >
          {t(actionKey)}
        </Link>
      </p>

      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">{t('module.lessonsHeading')}</h2>
        <ol className="lesson-list">
          {courseModule.lessons.map((lesson) => (
            <li key={lesson.id}>
              <Link
                to="/modules/$moduleId/lessons/$lessonId"
                params={{ moduleId: courseModule.id, lessonId: lesson.id }}
              >
                {tModule(lessonKeys.title(lesson.id))}
              </Link>{' '}
              <StatusTag status={progress?.lessons[lesson.id] ?? 'not-started'} />
            </li>
          ))}
        </ol>
      </section>

      {progress && status !== 'in-progress' && <MythList myths={progress.myths} headingId="module-myths-heading" />}

      {status !== 'not-started' && <RestartModule moduleId={courseModule.id} />}

      <SupportSignpost />
    </>
  );
}

export function ModuleOverviewPage() {
  const { moduleId } = route.useParams();
  const { catalog } = useServices();
  const courseModule = findModule(catalog, moduleId);
  if (!courseModule) return <NotFoundPage />;
  return <ModuleOverview courseModule={courseModule} />;
}
