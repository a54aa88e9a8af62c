import { useId, useMemo, useState } from 'react';
import { useContentTranslation } from '../shared/nation';
import { useServices } from '../../app/services';
import type { RewriteStep } from '../../engine/contentSchema';
import { languageKeys, stepKeys } from '../../engine/contentKeys';
import { findTermsToAvoid } from '../../engine/languageCheck';
import { languageTermsOf } from '../../content/references';
import { Paragraphs } from '../shared/Paragraphs';
import { SourceRefs } from '../shared/SourceRefs';
import { StepHeading } from './StepHeading';

/**
 * The language coach: the learner rewrites a case-note sentence and sees, as they type, each term
 * to avoid with why it harms and what to say instead. Everything runs on the device; the text is
 * never saved or sent.
 */
export function RewriteView({
  namespace,
  lessonId,
  step,
  moveFocus,
  onContinue,
}: {
  namespace: string;
  lessonId: string;
  step: RewriteStep;
  moveFocus: boolean;
  onContinue: () => void;
}) {
  const { t, i18n } = useContentTranslation(['ui', 'language']);
  const { catalog } = useServices();
  const original = t(stepKeys.sentence(lessonId, step.id), { ns: namespace });
  const [text, setText] = useState(original);
  const [showModel, setShowModel] = useState(false);
  const flaggedId = useId();
  const languageTerms = languageTermsOf(catalog);
  const termIds = useMemo(
    () => [...new Set(findTermsToAvoid(text, languageTerms, i18n.language).map((found) => found.termId))],
    [text, languageTerms, i18n.language],
  );
  const terms = languageTerms.filter((term) => termIds.includes(term.id));

  return (
    <section className="step step--rewrite">
      <StepHeading moveFocus={moveFocus}>{t(stepKeys.title(lessonId, step.id), { ns: namespace })}</StepHeading>
      <Paragraphs namespace={namespace} lessonId={lessonId} stepId={step.id} paragraphs={step.paragraphs} />
      <figure className="case-note">
        <figcaption>{t('rewrite.original')}</figcaption>
        <blockquote>{original}</blockquote>
      </figure>
      <div className="form field">
        <label htmlFor={`${step.id}-rewrite`} className="question-prompt">
          {t(stepKeys.prompt(lessonId, step.id), { ns: namespace })}
        </label>
        <p className="hint">{t('rewrite.hint')}</p>
        <textarea
          id={`${step.id}-rewrite`}
          className="rewrite-input"
          rows={4}
          value={text}
          aria-describedby={flaggedId}
          spellCheck
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div id={flaggedId} className="flagged" aria-live="polite">
        {terms.length === 0 ? (
          <p className="flagged__clear">
            <span aria-hidden="true">✓ </span>
            {t('rewrite.clear')}
          </p>
        ) : (
          <>
            <p className="flagged__count">{t('rewrite.found', { count: terms.length })}</p>
            <ul className="flagged__list">
              {terms.map((term) => (
                <li key={term.id}>
                  <strong>{t(languageKeys.avoid(term.id), { ns: 'language' })}</strong>
                  <p>
                    {t('rewrite.why')} <span>{t(languageKeys.why(term.id), { ns: 'language' })}</span>{' '}
                    <SourceRefs refs={term.sources} />
                  </p>
                  <p>
                    {t('rewrite.instead')} {t(languageKeys.instead(term.id), { ns: 'language' })}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={showModel}
          onClick={() => setShowModel(!showModel)}
        >
          {showModel ? t('rewrite.hideModel') : t('rewrite.showModel')}
        </button>
      </div>
      {showModel && (
        <figure className="case-note case-note--model">
          <figcaption>{t('rewrite.model')}</figcaption>
          <blockquote>{t(stepKeys.model(lessonId, step.id), { ns: namespace })}</blockquote>
        </figure>
      )}
      <button type="button" className="button" onClick={onContinue}>
        {t('lesson.continue')}
      </button>
    </section>
  );
}
