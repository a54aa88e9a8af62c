import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { verifyCertificate, type VerifiedCertificate } from '../../certificates/certificateCode';
import { PageHeading } from '../shared/PageHeading';
import { certificateLabels } from './certificateText';

/** Checks a certificate offline: intact or not, and exactly what it does and does not prove. */
export function VerifyPage() {
  const { catalog } = useServices();
  // Outcomes come from each module's words, so every module's namespace is loaded here.
  const { t, i18n } = useTranslation(['ui', 'catalogue', ...catalog.modules.map((courseModule) => courseModule.id)]);
  const hash = useLocation({ select: (location) => location.hash });
  const [input, setInput] = useState(hash);
  const [result, setResult] = useState<VerifiedCertificate>();

  useEffect(() => {
    if (hash) void verifyCertificate(hash).then(setResult);
  }, [hash]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void verifyCertificate(input).then(setResult);
  };

  const labels = result?.ok ? certificateLabels(result.payload, t, catalog, i18n.language) : null;

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
      <div aria-live="polite">
        {result && !result.ok && (
          <div className="panel panel--warning">
            <h2>
              <span aria-hidden="true">✗ </span>
              {t('verify.notIntact')}
            </h2>
            <p>{t(`verify.problem.${result.problem}`)}</p>
          </div>
        )}
        {result?.ok && labels && (
          <div className="panel panel--support">
            <h2>
              <span aria-hidden="true">✓ </span>
              {t('verify.intact')}
            </h2>
            <dl className="verify-details">
              <dt>{t('verify.name')}</dt>
              <dd>{result.payload.name}</dd>
              {labels.role && (
                <>
                  <dt>{t('verify.role')}</dt>
                  <dd>{t(`role.${result.payload.role}`)}</dd>
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
                    <li key={entry.line}>{entry.line}</li>
                  ))}
                </ul>
              </dd>
              <dt>{t('verify.dates')}</dt>
              <dd>
                {labels.issued} {labels.refreshBy}
              </dd>
              <dt>{t('verify.id')}</dt>
              <dd>{result.payload.id}</dd>
              <dt>{t('verify.signedBy')}</dt>
              <dd>
                {result.payload.countersign
                  ? t('verify.signedByTrainer', {
                      name: result.payload.countersign.name,
                      fingerprint: result.countersignFingerprint,
                    })
                  : t('verify.signedByDevice', { fingerprint: result.keyFingerprint })}
              </dd>
            </dl>
            <p>{labels.proves}</p>
          </div>
        )}
      </div>
    </>
  );
}
