import { useEffect } from 'react';
import { MARKS, measureSince } from '../../app/performanceMarks';
import { useContentTranslation } from '../shared/nation';
import type { DecisionStep, Lesson, Option } from '../../engine/contentSchema';
import { stepKeys } from '../../engine/contentKeys';
import { answerFor, isChoiceCorrect, type LessonContext } from '../../engine/lessonMachine';
import { shuffledOptions } from '../../engine/shuffle';
import { Paragraphs } from '../shared/Paragraphs';
import { SourceRefs } from '../shared/SourceRefs';
import { StepHeading } from './StepHeading';

function Explanation({
  namespace,
  lessonId,
  stepId,
  option,
}: {
  namespace: string;
  lessonId: string;
  stepId: string;
  option: Option;
}) {
  const { t } = useContentTranslation();
  return (
    <div className={`explanation explanation--${option.correct ? 'right' : 'wrong'}`}>
      <h3 className="explanation__option">
        <span className="explanation__mark" aria-hidden="true">
          {option.correct ? '✓' : '✗'}
        </span>{' '}
        {t(stepKeys.option(lessonId, stepId, option.id), { ns: namespace })}
      </h3>
      <p className="explanation__verdict">{option.correct ? t('feedback.optionRight') : t('feedback.optionWrong')}</p>
      <p>
        <span>{t(stepKeys.explanation(lessonId, stepId, option.id), { ns: namespace })}</span>{' '}
        <SourceRefs refs={option.sources} />
      </p>
    </div>
  );
}

export function FeedbackView({
  namespace,
  lesson,
  context,
  step,
  moveFocus,
  onToggleOthers,
  onContinue,
}: {
  namespace: string;
  lesson: Lesson;
  context: LessonContext;
  step: DecisionStep;
  moveFocus: boolean;
  onToggleOthers: () => void;
  onContinue: () => void;
}) {
  const { t } = useContentTranslation();
  useEffect(() => measureSince(MARKS.answerToFeedback, MARKS.answer), []);
  const lessonId = lesson.id;
  const answer = answerFor(context, step.id);
  if (!answer) return null;
  // Judged against the shipped lesson, in the order the learner saw the options.
  const correct = isChoiceCorrect(step, answer.optionIds);
  const shown = shuffledOptions(step, context.seed);
  const chosen = shown.filter((option) => answer.optionIds.includes(option.id));
  // In a choose-all question, the right options left unticked are named and explained too.
  const multiple = step.kind === 'question' && step.mode === 'multiple';
  const missed = multiple ? shown.filter((option) => option.correct && !answer.optionIds.includes(option.id)) : [];
  const others = shown.filter((option) => !answer.optionIds.includes(option.id) && !missed.includes(option));
  const othersId = `${step.id}-others`;
  const verdict = correct ? t('feedback.right') : t('feedback.wrong');
  const explain = (option: Option) => t(stepKeys.explanation(lessonId, step.id, option.id), { ns: namespace });
  const announcement = [
    verdict,
    ...chosen.map(explain),
    ...(missed.length > 0 ? [t('feedback.youMissed', { count: missed.length }), ...missed.map(explain)] : []),
  ].join(' ');

  return (
    <section className="step step--feedback">
      <p className="eyebrow">{t(stepKeys.title(lessonId, step.id), { ns: namespace })}</p>
      <Paragraphs namespace={namespace} lessonId={lessonId} stepId={step.id} paragraphs={step.paragraphs} />
      <p className="question-prompt">{t(stepKeys.prompt(lessonId, step.id), { ns: namespace })}</p>
      <div className={`feedback feedback--${correct ? 'right' : 'wrong'}`}>
        <StepHeading moveFocus={moveFocus} id="feedback-heading">
          <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
          {verdict}
        </StepHeading>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <p>{t('feedback.youChose', { count: chosen.length })}</p>
        {chosen.map((option) => (
          <Explanation key={option.id} namespace={namespace} lessonId={lessonId} stepId={step.id} option={option} />
        ))}
        {missed.length > 0 && (
          <>
            <p>{t('feedback.youMissed', { count: missed.length })}</p>
            {missed.map((option) => (
              <Explanation key={option.id} namespace={namespace} lessonId={lessonId} stepId={step.id} option={option} />
            ))}
          </>
        )}
      </div>
      {others.length > 0 && (
        <>
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={context.showOtherExplanations}
            aria-controls={othersId}
            onClick={onToggleOthers}
          >
            {context.showOtherExplanations ? t('feedback.hideOthers') : t('feedback.showOthers')}
          </button>
          <div id={othersId} hidden={!context.showOtherExplanations} className="other-explanations">
            {others.map((option) => (
              <Explanation key={option.id} namespace={namespace} lessonId={lessonId} stepId={step.id} option={option} />
            ))}
          </div>
        </>
      )}
      <p>
        <button type="button" className="button" onClick={onContinue}>
          {t('lesson.continue')}
        </button>
      </p>
    </section>
  );
}
