import { Link, useSearch } from '@tanstack/react-router';
import { useContentTranslation } from '../shared/nation';
import type { CourseModule, Lesson, Role } from '../../engine/contentSchema';
import { stepKeys } from '../../engine/contentKeys';
import { isAnswerCorrect, lessonResult, type LessonContext } from '../../engine/lessonMachine';
import { MythList } from '../shared/MythList';
import { Paragraphs } from '../shared/Paragraphs';
import { SupportServiceList } from '../shared/SupportServices';
import { OrganisationNextSteps } from './OrganisationNextSteps';
import { StepHeading } from './StepHeading';

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
  // A trainer's role path stays on the next lesson; a learner who came from an assignment goes back to it.
  const { role, assignment } = useSearch({ strict: false }) as { role?: Role; assignment?: string };

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
        {assignment ? (
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
