import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../engine/content';
import type { Nation, Role } from '../../engine/contentSchema';
import { NATIONS } from '../../engine/nationWords';
import { defaultNation } from '../shared/nation';
import { StepHeading } from './StepHeading';

const PREFER_NOT = 'prefer-not-to-say';

/**
 * Asked in place the first time a lesson reaches a step written for each role or each nation: the
 * learner's role and, when they have not given it, the nation whose law they work under (the
 * organisation's default chosen already, which they can change). Both are saved to Your details.
 */
export function RoleQuestion({
  moveFocus,
  askRole,
  askNation,
  role,
  onChoose,
}: {
  moveFocus: boolean;
  /** The role is not known yet (false: it is, or the learner preferred not to say). */
  askRole: boolean;
  askNation: boolean;
  role: Role | null;
  onChoose: (role: Role | null, nation: Nation | undefined) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>(askRole ? '' : (role ?? PREFER_NOT));
  const [nation, setNation] = useState<Nation | ''>(defaultNation ?? '');
  const [showError, setShowError] = useState(false);
  const missingRole = !chosen;
  const missingNation = askNation && !nation;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missingRole || missingNation) {
      setShowError(true);
      return;
    }
    onChoose(chosen === PREFER_NOT ? null : (chosen as Role), askNation && nation ? nation : undefined);
  };
  return (
    <section className="step step--role">
      <StepHeading moveFocus={moveFocus}>
        {askNation ? t('lesson.askDetails.heading') : t('lesson.askRole.heading')}
      </StepHeading>
      <p>{askNation ? t('lesson.askDetails.why') : t('lesson.askRole.why')}</p>
      <form onSubmit={submit} noValidate>
        {askRole && (
          <fieldset aria-describedby={showError && missingRole ? 'role-error' : undefined}>
            <legend className="question-prompt">{t('profile.role')}</legend>
            {showError && missingRole && (
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
        )}
        {askNation && (
          <fieldset aria-describedby={showError && missingNation ? 'nation-error' : 'nation-hint'}>
            <legend className="question-prompt">{t('profile.nation')}</legend>
            <p id="nation-hint" className="hint">
              {t('profile.nationHint')}
            </p>
            {showError && missingNation && (
              <p id="nation-error" className="error-message" role="alert">
                {t('lesson.askDetails.nationError')}
              </p>
            )}
            <div className="options">
              {NATIONS.map((value) => (
                <div className="option" key={value}>
                  <input
                    id={`nation-${value}`}
                    type="radio"
                    name="nation"
                    value={value}
                    checked={nation === value}
                    onChange={() => {
                      setShowError(false);
                      setNation(value);
                    }}
                  />
                  <label htmlFor={`nation-${value}`}>{t(`nation.${value}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
        <p className="hint">{t('lesson.askRole.saved')}</p>
        <button type="submit" className="button">
          {t('lesson.continue')}
        </button>
      </form>
    </section>
  );
}
