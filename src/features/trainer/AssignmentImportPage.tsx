import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { importAssignment, type AssignmentImport } from '../../trainer/learnerAssignments';
import { PageHeading } from '../shared/PageHeading';
import { AssignmentDetails } from './AssignmentDetails';
import { CodeEntry } from './CodeEntry';

/** Opening an assignment link or file: checked, then added once; opening it again changes nothing. */
export function AssignmentImportPage() {
  const { t } = useTranslation(['trainer', 'ui']);
  const { db, now } = useServices();
  const hash = useLocation({ select: (location) => location.hash });
  const [result, setResult] = useState<AssignmentImport>();
  // React may run the effect twice for one visit; the ref keeps it to one import.
  const started = useRef<{ hash: string; outcome: Promise<AssignmentImport> } | null>(null);

  useEffect(() => {
    if (!hash) return;
    let live = true;
    if (started.current?.hash !== hash) started.current = { hash, outcome: importAssignment(db, hash, now()) };
    void started.current.outcome.then((outcome) => {
      if (live) setResult(outcome);
    });
    return () => {
      live = false;
    };
  }, [db, hash, now]);

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
        onCode={(text) => void importAssignment(db, text, now()).then(setResult)}
      />
      <p>
        <Link to="/">{t('learner.backToDashboard')}</Link>
      </p>
    </>
  );
}
