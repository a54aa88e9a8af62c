import { mark, MARKS } from '../../app/performanceMarks';
import { useState, type FormEvent } from 'react';
import { useContentTranslation } from '../shared/nation';
import type { DecisionStep, Role } from '../../engine/contentSchema';
import { stepKeys } from '../../engine/contentKeys';
import { shuffledOptions } from '../../engine/shuffle';
import { Paragraphs } from '../shared/Paragraphs';
import { StepHeading } from './StepHeading';

export function QuestionForm({
  namespace,
  lessonId,
  step,
  seed,
  fellBack,
  role,
  moveFocus,
  onChoose,
}: {
  namespace: string;
  lessonId: string;
  step: DecisionStep;
  /** Orders the options for this attempt. */
  seed: number;
  /** A role branch sent the learner here because their role has no question of its own. */
  fellBack: boolean;
  role: Role | null;
  moveFocus: boolean;
  onChoose: (optionIds: string[]) => void;
}) {
  const { t } = useContentTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [showError, setShowError] = useState(false);
  const multiple = step.kind === 'question' && step.mode === 'multiple';
  const errorId = `${step.id}-error`;
  const hintId = `${step.id}-hint`;

  const toggle = (optionId: string, checked: boolean) => {
    setShowError(false);
    if (!multiple) setChosen([optionId]);
    else setChosen((current) => (checked ? [...current, optionId] : current.filter((id) => id !== optionId)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setShowError(true);
      return;
    }
    mark(MARKS.answer);
    onChoose(chosen);
  };

  return (
    <section className={`step step--${step.kind}`}>
      <StepHeading moveFocus={moveFocus}>{t(stepKeys.title(lessonId, step.id), { ns: namespace })}</StepHeading>
      {step.kind === 'scenario' && <p className="eyebrow">{t('lesson.scenarioStage')}</p>}
      {fellBack && (
        <p className="panel panel--note">
          {role ? t('lesson.generalQuestion.noRoute', { role: t(`role.${role}`) }) : t('lesson.generalQuestion.noRole')}
        </p>
      )}
      <Paragraphs namespace={namespace} lessonId={lessonId} stepId={step.id} paragraphs={step.paragraphs} />
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={`${hintId}${showError ? ` ${errorId}` : ''}`}>
          <legend className="question-prompt">{t(stepKeys.prompt(lessonId, step.id), { ns: namespace })}</legend>
          <p id={hintId} className="hint">
            {multiple ? t('lesson.chooseAll') : t('lesson.chooseOne')}
          </p>
          {showError && (
            <p id={errorId} className="error-message" role="alert">
              {t('lesson.chooseError')}
            </p>
          )}
          <div className="options">
            {shuffledOptions(step, seed).map((option) => {
              const inputId = `${step.id}-${option.id}`;
              return (
                <div className="option" key={option.id}>
                  <input
                    id={inputId}
                    type={multiple ? 'checkbox' : 'radio'}
                    name={step.id}
                    value={option.id}
                    checked={chosen.includes(option.id)}
                    onChange={(event) => toggle(option.id, event.target.checked)}
                  />
                  <label htmlFor={inputId}>{t(stepKeys.option(lessonId, step.id, option.id), { ns: namespace })}</label>
                </div>
              );
            })}
          </div>
        </fieldset>
        <button type="submit" className="button">
          {t('lesson.checkAnswer')}
        </button>
      </form>
    </section>
  );
}
