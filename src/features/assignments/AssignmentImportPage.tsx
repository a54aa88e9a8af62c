import { useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices, type RootContext } from '../../app/services';
import { importAssignment, type AssignmentImport } from '../../trainer/learnerAssignments';
import { PageHeading } from '../shared/PageHeading';
import { AssignmentDetails } from '../shared/AssignmentDetails';
import { CodeEntry } from '../shared/CodeEntry';

const route = getRouteApi('/assignment');

/**
 * The route's loader: an assignment link's `#…` is imported as the page opens, outside React, so
 * it runs once per visit however often React renders.
 */
export async function importFromLink(
  { database, now }: Pick<RootContext, 'database' | 'now'>,
  hash: string,
): Promise<AssignmentImport | null> {
  return hash ? importAssignment(await database.load(), hash, now()) : null;
}

/** Opening an assignment link or file: checked, then added once; opening it again changes nothing. */
export function AssignmentImportPage() {
  const { t } = useTranslation(['trainer', 'ui']);
  const db = useDatabase();
  const { now } = useServices();
  const fromLink = route.useLoaderData();
  // A pasted code's outcome shows until another link is opened on this page.
  const [pasted, setPasted] = useState<{ after: typeof fromLink; outcome: AssignmentImport }>();
  const result = (pasted?.after === fromLink ? pasted.outcome : undefined) ?? fromLink ?? undefined;
  const showPasted = (outcome: AssignmentImport) => setPasted({ after: fromLink, outcome });

  return (
    <>
      <PageHeading tabTitle={t('learner.importTabTitle')}>{t('learner.importHeading')}</PageHeading>
      <div aria-live="polite">
        {result && !result.ok && (
          <div className="panel panel--warning">
            <h2>
              <span aria-hidden="true">✗ </span>
              {t('learner.refused')}
            </h2>
            <p>{t(`learner.problem.${result.problem}`)}</p>
          </div>
        )}
        {result?.ok && (
          <div className="panel panel--support">
            <h2>
              <span aria-hidden="true">✓ </span>
              {result.alreadyImported ? t('learner.alreadyImported') : t('learner.imported')}
            </h2>
            <p>{t('learner.checked', { fingerprint: result.keyFingerprint })}</p>
            <h3>{result.payload.title}</h3>
            <AssignmentDetails payload={result.payload} keyFingerprint={result.keyFingerprint} />
            <p>
              <Link className="button" to="/assignments/$assignmentId" params={{ assignmentId: result.payload.id }}>
                {t('learner.open')}
              </Link>
            </p>
          </div>
        )}
      </div>
      <p className="lead">{t('learner.importIntro')}</p>
      <CodeEntry
        id="assignment"
        labels={{ paste: t('learner.pasteLabel'), submit: t('learner.pasteSubmit'), file: t('learner.fileLabel') }}
        onCode={(text) => void importAssignment(db, text, now()).then(showPasted)}
      />
      <p>
        <Link to="/">{t('learner.backToDashboard')}</Link>
      </p>
    </>
  );
}
