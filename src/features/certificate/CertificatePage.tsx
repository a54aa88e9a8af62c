import { useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { useContentTranslation } from '../shared/nation';
import { useDatabase, useServices } from '../../app/services';
import { NotFoundPage } from '../shared/NotFoundPage';
import { PageHeading } from '../shared/PageHeading';
import { organisationLogo } from '../../organisation/organisation';
import { certificateLabels, verifyUrl } from '../shared/certificateText';
import { downloadCertificatePdf, PdfNeedsConnection } from './downloadCertificate';
import { StandingPanel } from './StandingPanel';
import { useCertificateCheck } from './useCertificateCheck';
import { QrCode } from './QrCode';

const route = getRouteApi('/certificates/$certificateId');

/** The accessible HTML version of a certificate: the same words as the PDF, printable. */
export function CertificatePage() {
  const { certificateId } = route.useParams();
  const db = useDatabase();
  const { catalog } = useServices();
  // Outcomes come from each module's words, so every module's namespace is loaded here.
  const { t, i18n } = useContentTranslation([
    'ui',
    'catalogue',
    ...catalog.modules.map((courseModule) => courseModule.id),
  ]);
  const record = useLiveQuery(
    () => db.certificates.get(certificateId).then((found) => found ?? null),
    [db, certificateId],
  );
  const verified = useCertificateCheck(record?.code);
  const [downloadFailed, setDownloadFailed] = useState<'failed' | 'needsConnection' | null>(null);

  if (record === null) return <NotFoundPage />;
  if (!record || !verified) return <p role="status">{t('lesson.loading')}</p>;
  if (!verified.ok) return <p role="alert">{t(`verify.problem.${verified.problem}`)}</p>;
  const labels = certificateLabels(verified.payload, t, catalog, i18n.language, {
    learner: verified.learnerFingerprint,
    trainer: verified.trainerFingerprint,
  });

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/certificates">{t('certificates.back')}</Link>
      </p>
      <article className="certificate" aria-labelledby="certificate-title">
        {labels.issuer && (
          <p className="certificate__issuer">
            {organisationLogo && <img src={organisationLogo} alt="" className="certificate__logo" height={48} />}
            {labels.issuer}
          </p>
        )}
        <PageHeading tabTitle={t('certificates.tabTitle')}>
          <span id="certificate-title">{labels.title}</span>
        </PageHeading>
        <p>{labels.certifies}</p>
        <p className="certificate__name">{verified.payload.name}</p>
        {labels.role && <p>{labels.role}</p>}
        {verified.payload.organisation && <p>{labels.organisation}</p>}
        <p>{labels.completed}</p>
        {labels.modules.map((entry) => (
          <section key={entry.line}>
            <h2>{entry.line}</h2>
            <p>{entry.lessons}</p>
            <p>{entry.outcomesIntro}</p>
            <ul>
              {entry.outcomes.map((outcome) => (
                <li key={outcome}>{outcome}</li>
              ))}
            </ul>
            {entry.lawCheckedTo && <p>{entry.lawCheckedTo}</p>}
          </section>
        ))}
        {labels.nation && <p>{labels.nation}</p>}
        <p>{labels.cpd}</p>
        <p>{labels.issued}</p>
        <p>{labels.refreshBy}</p>
        <p>
          <strong>{labels.certificateId}</strong>
        </p>
        <StandingPanel result={verified} />
        <div className="certificate__verify">
          <QrCode text={verifyUrl(record.code)} label={t('certificate.qrLabel')} />
          <div>
            <h2>{labels.verifyHeading}</h2>
            <p>{labels.verifyInstructions}</p>
            <p>{labels.proves}</p>
            {labels.fingerprints.map((line) => (
              <p key={line}>{line}</p>
            ))}
            <p className="certificate__code">{record.code}</p>
          </div>
        </div>
      </article>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            setDownloadFailed(null);
            downloadCertificatePdf(verified.payload, record.code, labels).catch((error: unknown) =>
              setDownloadFailed(error instanceof PdfNeedsConnection ? 'needsConnection' : 'failed'),
            );
          }}
        >
          {t('certificates.downloadPdf')}
        </button>
        <Link className="button button--secondary" to="/verify" hash={record.code}>
          {t('certificates.checkIt')}
        </Link>
      </div>
      {downloadFailed && (
        <p role="alert" className="panel panel--warning">
          {t(downloadFailed === 'needsConnection' ? 'certificates.pdfNeedsConnection' : 'certificates.downloadFailed')}
        </p>
      )}
    </>
  );
}
