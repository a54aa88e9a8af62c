import { useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices, type RootContext } from '../../app/services';
import type { HeardDatabase } from '../../storage/database';
import { deploymentTrust } from '../../organisation/organisation';
import { importCertificate, type CertificateImport } from '../../trainer/learnerAssignments';
import { PageHeading } from '../shared/PageHeading';
import { CodeEntry } from '../shared/CodeEntry';

const route = getRouteApi('/certificates/import');

async function add(db: HeardDatabase, { catalog, now }: Pick<RootContext, 'catalog' | 'now'>, text: string) {
  return importCertificate(db, text, {
    modules: catalog.modules,
    anchor: await deploymentTrust(),
    today: new Date(now()).toISOString().slice(0, 10),
  });
}

/** The route's loader: a countersigned certificate's link is added as the page opens, once per visit. */
export async function importFromLink(
  context: Pick<RootContext, 'database' | 'catalog' | 'now'>,
  hash: string,
): Promise<CertificateImport | null> {
  return hash ? add(await context.database.load(), context, hash) : null;
}

/** Adds a certificate a trainer countersigned (from its link or file) to the learner's certificates. */
export function CertificateImportPage() {
  const { t } = useTranslation(['trainer', 'ui']);
  const db = useDatabase();
  const services = useServices();
  const fromLink = route.useLoaderData();
  // A pasted code's outcome shows until another link is opened on this page.
  const [pasted, setPasted] = useState<{ after: typeof fromLink; outcome: CertificateImport }>();
  const result = (pasted?.after === fromLink ? pasted.outcome : undefined) ?? fromLink ?? undefined;
  const showPasted = (outcome: CertificateImport) => setPasted({ after: fromLink, outcome });

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
        onCode={(text) => void add(db, services, text).then(showPasted)}
      />
    </>
  );
}
