import { useTranslation } from 'react-i18next';
import type { CheckedCertificate } from '../../certificates/certificateTrust';
import { formatDate } from '../shared/certificateText';

/**
 * What a checked certificate is worth on this deployment, in plain words. Only a certificate whose
 * trainer this deployment's organisation endorsed gets the tick; a self-declared one never does.
 */
export function StandingPanel({ result }: { result: Extract<CheckedCertificate, { ok: true }> }) {
  const { t, i18n } = useTranslation('ui');
  const { standing, payload } = result;
  const name = payload.countersign?.name ?? '';
  if (standing.kind === 'endorsed') {
    const values = { trainer: standing.trainer.name, role: standing.trainer.role, organisation: standing.organisation };
    return (
      <div className="panel panel--support">
        <h2>
          <span aria-hidden="true">✓ </span>
          {t('verify.endorsedHeading', values)}
        </h2>
        <p>{t('verify.endorsedBody', values)}</p>
        {standing.withdrawnFrom && (
          <p>
            {t('verify.endorsedWithdrawnLater', { ...values, date: formatDate(standing.withdrawnFrom, i18n.language) })}
          </p>
        )}
      </div>
    );
  }
  if (standing.kind === 'not-endorsed') {
    const values = {
      trainer: standing.trainer.name,
      organisation: standing.organisation,
      date: formatDate(standing.date, i18n.language),
    };
    return (
      <div className="panel panel--warning">
        <h2>{t('verify.notEndorsedHeading', values)}</h2>
        <p>{t(`verify.notEndorsed.${standing.reason}`, values)}</p>
      </div>
    );
  }
  if (standing.kind === 'unknown-key') {
    return (
      <div className="panel panel--warning">
        <h2>{t('verify.unknownHeading')}</h2>
        <p>{t('verify.unknownBody', { name, fingerprint: result.trainerFingerprint })}</p>
      </div>
    );
  }
  return (
    <div className="panel">
      <h2>{t('verify.selfHeading')}</h2>
      <p>{t('verify.selfBody')}</p>
    </div>
  );
}
