import { useState, type FormEvent } from 'react';
import { useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { PageHeading } from '../shared/PageHeading';
import { certificateLabels } from '../shared/certificateText';
import { StandingPanel } from './StandingPanel';
import { useCertificateCheck } from './useCertificateCheck';

/** More than any Open Badge file holds (checkOpenBadge refuses above 60,000 characters). */
const MAX_BADGE_FILE_BYTES = 100_000;

/** Checks a certificate offline: intact or not, whose key signed it, and exactly what that proves. */
export function VerifyPage() {
  const { catalog } = useServices();
  // Outcomes come from each module's words, so every module's namespace is loaded here.
  const { t, i18n } = useTranslation(['ui', 'catalogue', ...catalog.modules.map((courseModule) => courseModule.id)]);
  const hash = useLocation({ select: (location) => location.hash });
  const [input, setInput] = useState(hash);
  const [submitted, setSubmitted] = useState<string | undefined>(hash || undefined);
  const result = useCertificateCheck(submitted);

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    // Read no further than any badge could go: the check then refuses a longer file as too long.
    const text = await file
      .slice(0, MAX_BADGE_FILE_BYTES + 1)
      .text()
      .catch(() => '');
    setInput(text.length > 20_000 ? '' : text);
    setSubmitted(text);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(input);
  };

  const labels = result?.ok
    ? certificateLabels(result.payload, t, catalog, i18n.language, {
        learner: result.learnerFingerprint,
        trainer: result.trainerFingerprint,
      })
    : null;

  return (
    <>
      <PageHeading tabTitle={t('verify.tabTitle')}>{t('verify.heading')}</PageHeading>
      <p className="lead">{t('verify.intro')}</p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="verify-code">{t('verify.label')}</label>
          <textarea id="verify-code" rows={4} value={input} onChange={(event) => setInput(event.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('verify.check')}
        </button>
      </form>
      <div className="field">
        <label htmlFor="verify-file">{t('verify.fileLabel')}</label>
        <p className="hint" id="verify-file-hint">
          {t('verify.badgeHint')}
        </p>
        <input
          id="verify-file"
          type="file"
          accept=".json,application/json,application/ld+json"
          aria-describedby="verify-file-hint"
          onChange={(event) => {
            void openFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      <div aria-live="polite">
        {result && !result.ok && (
          <div className="panel panel--warning">
            <h2>
              <span aria-hidden="true">✗ </span>
              {t('verify.damagedHeading')}
            </h2>
            <p>{t(`verify.problem.${result.problem}`)}</p>
          </div>
        )}
        {result?.ok && labels && (
          <>
            <StandingPanel result={result} />
            <dl className="verify-details">
              <dt>{t('verify.name')}</dt>
              <dd>{result.payload.name}</dd>
              {labels.role && (
                <>
                  <dt>{t('verify.role')}</dt>
                  <dd>{t(`role.${result.payload.role}`)}</dd>
                </>
              )}
              {result.payload.nation && (
                <>
                  <dt>{t('verify.nation')}</dt>
                  <dd>{t(`nation.${result.payload.nation}`)}</dd>
                </>
              )}
              {result.payload.organisation && (
                <>
                  <dt>{t('verify.organisation')}</dt>
                  <dd>{result.payload.organisation}</dd>
                </>
              )}
              <dt>{t('verify.modules')}</dt>
              <dd>
                <ul>
                  {labels.modules.map((entry) => (
                    <li key={entry.line}>
                      {entry.line}
                      <br />
                      {entry.lessons}
                    </li>
                  ))}
                </ul>
              </dd>
              <dt>{t('verify.dates')}</dt>
              <dd>
                {labels.issued} {labels.refreshBy}
              </dd>
              <dt>{t('verify.id')}</dt>
              <dd>{result.payload.id}</dd>
              <dt>{t('verify.learnerKey')}</dt>
              <dd>{result.learnerFingerprint}</dd>
              {result.trainerFingerprint && (
                <>
                  <dt>{t('verify.trainerKey')}</dt>
                  <dd>{result.trainerFingerprint}</dd>
                </>
              )}
              {'issuerDid' in result && (
                <>
                  <dt>{t('verify.badgeIssuer')}</dt>
                  <dd className="verify-details__did">{result.issuerDid}</dd>
                </>
              )}
            </dl>
            <p>{labels.proves}</p>
          </>
        )}
      </div>
    </>
  );
}
