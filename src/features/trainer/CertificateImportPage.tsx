import { useEffect, useState } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { deploymentTrust } from '../../organisation/organisation';
import { importCertificate, type CertificateImport } from '../../trainer/learnerAssignments';
import { PageHeading } from '../shared/PageHeading';
import { CodeEntry } from './CodeEntry';

/** Adds a certificate a trainer countersigned (from its link or file) to the learner's certificates. */
export function CertificateImportPage() {
  const { t } = useTranslation(['trainer', 'ui']);
  const { db, catalog, now } = useServices();
  const add = async (text: string) =>
    importCertificate(db, text, {
      modules: catalog.modules,
      anchor: await deploymentTrust(),
      today: new Date(now()).toISOString().slice(0, 10),
    });
  const hash = useLocation({ select: (location) => location.hash });
  const [result, setResult] = useState<CertificateImport>();

  useEffect(() => {
    if (!hash) return;
    let live = true;
    // Importing twice is harmless: the second time finds it already there.
    void add(hash).then((outcome) => {
      if (live) setResult(outcome);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- import once per link opened
  }, [db, hash]);

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/certificates">{t('certificates.back', { ns: 'ui' })}</Link>
      </p>
      <PageHeading tabTitle={t('certificateImport.tabTitle')}>{t('certificateImport.heading')}</PageHeading>
      <div aria-live="polite">
        {result && !result.ok && (
          <div className="panel panel--warning">
            <h2>
              <span aria-hidden="true">✗ </span>
              {t('certificateImport.refused')}
            </h2>
            <p>
              {result.problem === 'not-saved'
                ? t('certificateImport.notSaved')
                : t(`verify.problem.${result.problem}`, { ns: 'ui' })}
            </p>
          </div>
        )}
        {result?.ok && (
          <div className="panel panel--support">
            <h2>
              <span aria-hidden="true">✓ </span>
              {result.alreadyImported ? t('certificateImport.already') : t('certificateImport.added')}
            </h2>
            <p>
              <Link to="/certificates/$certificateId" params={{ certificateId: result.id }}>
                {t('certificateImport.view', { id: result.id })}
              </Link>
            </p>
          </div>
        )}
      </div>
      <p className="lead">{t('certificateImport.intro')}</p>
      <CodeEntry
        id="certificate"
        labels={{
          paste: t('certificateImport.pasteLabel'),
          submit: t('certificateImport.submit'),
          file: t('certificateImport.fileLabel'),
        }}
        onCode={(text) => void add(text).then(setResult)}
      />
    </>
  );
}
