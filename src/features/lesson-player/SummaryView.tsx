import { useEffect, useState } from 'react';
import { Link, useSearch } from '@tanstack/react-router';
import { useServices } from '../../app/services';
import { useContentTranslation } from '../shared/nation';
import type { CourseModule, Lesson, Role } from '../../engine/contentSchema';
import { stepKeys } from '../../engine/contentKeys';
import { isAnswerCorrect, lessonResult, type LessonContext } from '../../engine/lessonMachine';
import { MythList } from '../shared/MythList';
import { Paragraphs } from '../shared/Paragraphs';
import { SupportServiceList } from '../shared/SupportServices';
import { OrganisationNextSteps } from './OrganisationNextSteps';
import { StepHeading } from './StepHeading';

type AssignedNext = { moduleId: string; lessonId: string } | null | undefined;

/**
 * For a learner who came from an assignment: its next lesson, null on its last lesson, undefined
 * while loading or when the lesson is not part of it. The assignment's code loads only here.
 */
function useNextAssigned(assignmentId: string | undefined, moduleId: string, lessonId: string) {
  const { database, catalog } = useServices();
  const [found, setFound] = useState<{ key: string; next: AssignedNext }>();
  const key = `${assignmentId}/${moduleId}/${lessonId}`;
  useEffect(() => {
    if (!assignmentId) return;
    let live = true;
    const settle = (next: AssignedNext) => {
      if (live) setFound({ key, next });
    };
    Promise.all([database.load(), import('../../trainer/assignmentContent')])
      .then(([db, content]) => content.nextAssignedLesson(db, assignmentId, catalog.modules, moduleId, lessonId))
      .then(
        (next) => settle(next && { moduleId: next.courseModule.id, lessonId: next.lesson.id }),
        // Without the assignment (storage blocked), the summary offers what any lesson's does.
        () => settle(undefined),
      );
    return () => {
      live = false;
    };
  }, [assignmentId, moduleId, lessonId, key, database, catalog]);
  return {
    loading: assignmentId !== undefined && found?.key !== key,
    next: found?.key === key ? found.next : undefined,
  };
}

export function SummaryView({
  courseModule,
  lesson,
  context,
  moveFocus,
}: {
  courseModule: CourseModule;
  lesson: Lesson;
  context: LessonContext;
  moveFocus: boolean;
}) {
  const { t } = useContentTranslation();
  const namespace = courseModule.id;
  const lessonId = lesson.id;
  const result = lessonResult(lesson, context);
  const index = courseModule.lessons.findIndex((lesson) => lesson.id === lessonId);
  const nextLesson = courseModule.lessons[index + 1];
  const stepId = context.stepId;
  // A trainer's role path stays on the next lesson. A learner who came from an assignment goes on to
  // its next lesson, and from its last back to the assignment.
  const { role, assignment } = useSearch({ strict: false }) as { role?: Role; assignment?: string };
  const assigned = useNextAssigned(assignment, courseModule.id, lessonId);

  return (
    <section className="step step--summary">
      <StepHeading moveFocus={moveFocus}>{t(stepKeys.title(lessonId, stepId), { ns: namespace })}</StepHeading>
      <Paragraphs
        namespace={namespace}
        lessonId={lessonId}
        stepId={stepId}
        paragraphs={lesson.steps.find((step) => step.id === stepId)?.paragraphs ?? []}
      />
      <div className="panel">
        <h3>{t('summary.scoreHeading')}</h3>
        <p className="score">{t('summary.score', { correct: result.correct, total: result.total })}</p>
        <ul className="decision-list">
          {context.answers
            .filter((answer) => context.visited.includes(answer.stepId))
            .map((answer) => {
              const right = isAnswerCorrect(lesson, answer);
              return (
                <li key={answer.stepId}>
                  <span aria-hidden="true">{right ? '✓' : '✗'}</span>{' '}
                  {t(stepKeys.title(lessonId, answer.stepId), { ns: namespace })}:{' '}
                  <strong>{right ? t('summary.decisionRight') : t('summary.decisionWrong')}</strong>
                </li>
              );
            })}
        </ul>
      </div>
      <MythList myths={result.myths} headingId="lesson-myths-heading" />
      {!nextLesson && <OrganisationNextSteps />}
      {!nextLesson && (
        <section className="panel panel--support" aria-labelledby="module-support-heading">
          <h3 id="module-support-heading">{t('summary.supportHeading')}</h3>
          <SupportServiceList brief />
        </section>
      )}
      <div className="button-row">
        {assigned.loading ? null : assigned.next ? (
          <Link
            className="button"
            to="/modules/$moduleId/lessons/$lessonId"
            params={assigned.next}
            search={{ ...(role ? { role } : {}), assignment }}
          >
            {t('summary.nextLesson')}
          </Link>
        ) : assigned.next === null && assignment ? (
          <Link className="button" to="/assignments/$assignmentId" params={{ assignmentId: assignment }}>
            {t('summary.backToAssignment')}
          </Link>
        ) : nextLesson ? (
          <Link
            className="button"
            to="/modules/$moduleId/lessons/$lessonId"
            params={{ moduleId: namespace, lessonId: nextLesson.id }}
            search={role ? { role } : {}}
          >
            {t('summary.nextLesson')}
          </Link>
        ) : (
          <Link className="button" to="/modules/$moduleId" params={{ moduleId: namespace }}>
            {t('summary.finishModule')}
          </Link>
        )}
        <Link className="button button--secondary" to="/modules/$moduleId" params={{ moduleId: namespace }}>
          {t('summary.backToModule')}
        </Link>
      </div>
    </section>
  );
}
