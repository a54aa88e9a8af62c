import { useState } from 'react';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useContentTranslation } from '../shared/nation';
import { useDatabase } from '../../app/services';
import { formatLawCheckedTo } from '../../content/lawChecked';
import type { CourseModule } from '../../engine/contentSchema';
import { catalogueKeys, lessonKeys, moduleKeys } from '../../engine/contentKeys';
import { restartLesson, restartModule, type ModuleOverviewProgress } from '../../storage/progressStore';
import { MythList } from '../shared/MythList';
import { PageHeading } from '../shared/PageHeading';
import { CpdMinutes } from '../shared/CpdMinutes';
import { StatusTag } from '../shared/StatusTag';
import { SupportSignpost } from '../shared/SupportSignpost';
import { useModuleProgress } from '../shared/useModuleProgress';

// The parent route has found the module; an unknown id never reaches this page.
const route = getRouteApi('/modules/$moduleId');

/** The lesson to go on with while a module is under way: never a finished lesson's old summary. */
function lessonToContinue(
  courseModule: CourseModule,
  progress: ModuleOverviewProgress | undefined,
): string | undefined {
  const lessons = courseModule.lessons;
  if (!progress) return lessons[0].id;
  const inProgress = lessons.find((lesson) => progress.lessons[lesson.id] === 'in-progress');
  const notStarted = lessons.find((lesson) => progress.lessons[lesson.id] === 'not-started');
  return (inProgress ?? notStarted)?.id;
}

/** Starts a finished lesson afresh: its old place is cleared now, its old result when the new one comes in. */
function TakeAgainButton({
  courseModule,
  lessonId,
  primary,
}: {
  courseModule: CourseModule;
  lessonId: string;
  primary: boolean;
}) {
  const { t } = useContentTranslation();
  const { t: tModule } = useContentTranslation(courseModule.id);
  const db = useDatabase();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className={primary ? 'button' : 'button button--secondary'}
      onClick={() => {
        void restartLesson(db, courseModule.id, lessonId).then(() =>
          navigate({ to: '/modules/$moduleId/lessons/$lessonId', params: { moduleId: courseModule.id, lessonId } }),
        );
      }}
    >
      {t('module.takeAgain', { title: tModule(lessonKeys.title(lessonId)) })}
    </button>
  );
}

/** Done below the pass mark: which lessons held the decisions to look at again, and a way to take just those. */
function RouteToPassing({ courseModule, progress }: { courseModule: CourseModule; progress: ModuleOverviewProgress }) {
  const { t } = useContentTranslation();
  const { t: tModule } = useContentTranslation(courseModule.id);
  return (
    <section className="panel panel--highlight" aria-labelledby="route-heading">
      <h2 id="route-heading">{t('module.routeHeading')}</h2>
      <p>{t('module.routeIntro', { percent: Math.round(courseModule.passMark * 100) })}</p>
      <ul className="retake-list">
        {progress.toTakeAgain.map((lessonId, index) => {
          const score = progress.lessonScores[lessonId];
          const inProgress = progress.lessons[lessonId] === 'in-progress';
          const primary = index === 0;
          return (
            <li key={lessonId}>
              <p>
                <strong>{tModule(lessonKeys.title(lessonId))}</strong>{' '}
                {score && t('module.lessonScore', { correct: score.correct, total: score.total })}
              </p>
              {inProgress ? (
                <Link
                  className={primary ? 'button' : 'button button--secondary'}
                  to="/modules/$moduleId/lessons/$lessonId"
                  params={{ moduleId: courseModule.id, lessonId }}
                >
                  {t('module.continueLesson', { title: tModule(lessonKeys.title(lessonId)) })}
                </Link>
              ) : (
                <TakeAgainButton courseModule={courseModule} lessonId={lessonId} primary={primary} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RestartModule({ moduleId }: { moduleId: string }) {
  const { t } = useContentTranslation();
  const db = useDatabase();
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
  const { t, i18n } = useContentTranslation();
  const { t: tModule } = useContentTranslation(courseModule.id);
  const progress = useModuleProgress(courseModule);
  const status = progress?.status ?? 'not-started';
  const continueWith =
    status === 'not-started' || status === 'in-progress' ? lessonToContinue(courseModule, progress) : undefined;
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
        <CpdMinutes courseModule={courseModule} /> · {t('module.lessonCount', { count: courseModule.lessons.length })} ·{' '}
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

      {continueWith && (
        <p>
          <Link
            className="button"
            to="/modules/$moduleId/lessons/$lessonId"
            params={{ moduleId: courseModule.id, lessonId: continueWith }}
          >
            {t(status === 'not-started' ? 'module.start' : 'module.continue')}
          </Link>
        </p>
      )}
      {status === 'not-passed' && progress && progress.toTakeAgain.length > 0 && (
        <RouteToPassing courseModule={courseModule} progress={progress} />
      )}
      {(status === 'passed' || status === 'due') && (
        <p>
          <Link className="button" to="/certificates">
            {t('module.getCertificate')}
          </Link>
        </p>
      )}

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
              {progress?.lessonScores[lesson.id] && progress.lessons[lesson.id] === 'completed' && (
                <>
                  {' '}
                  {t('module.lessonScore', {
                    correct: progress.lessonScores[lesson.id].correct,
                    total: progress.lessonScores[lesson.id].total,
                  })}
                </>
              )}
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
  return <ModuleOverview courseModule={route.useLoaderData()} />;
}
