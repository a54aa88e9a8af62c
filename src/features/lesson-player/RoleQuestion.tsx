import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../engine/content';
import type { Role } from '../../engine/contentSchema';
import { StepHeading } from './StepHeading';

const PREFER_NOT = 'prefer-not-to-say';

/** Asked in place the first time a lesson reaches a question written for each role. */
export function RoleQuestion({ moveFocus, onChoose }: { moveFocus: boolean; onChoose: (role: Role | null) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>('');
  const [showError, setShowError] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setShowError(true);
      return;
    }
    onChoose(chosen === PREFER_NOT ? null : (chosen as Role));
  };
  return (
    <section className="step step--role">
      <StepHeading moveFocus={moveFocus}>{t('lesson.askRole.heading')}</StepHeading>
      <p>{t('lesson.askRole.why')}</p>
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={showError ? 'role-error' : undefined}>
          <legend className="question-prompt">{t('profile.role')}</legend>
          {showError && (
            <p id="role-error" className="error-message" role="alert">
              {t('lesson.askRole.error')}
            </p>
          )}
          <div className="options">
            {[...ROLES, PREFER_NOT].map((value) => (
              <div className="option" key={value}>
                <input
                  id={`role-${value}`}
                  type="radio"
                  name="role"
                  value={value}
                  checked={chosen === value}
                  onChange={() => {
                    setShowError(false);
                    setChosen(value);
                  }}
                />
                <label htmlFor={`role-${value}`}>
                  {value === PREFER_NOT ? t('profile.roleNone') : t(`role.${value}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <p className="hint">{t('lesson.askRole.saved')}</p>
        <button type="submit" className="button">
          {t('lesson.continue')}
        </button>
      </form>
    </section>
  );
}
