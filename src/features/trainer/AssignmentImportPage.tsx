import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { importAssignment, type AssignmentImport } from '../../trainer/learnerAssignments';
import { PageHeading } from '../shared/PageHeading';
import { AssignmentDetails } from './AssignmentDetails';
import { readTextFiles } from './downloadText';

/** Opening an assignment link or file: checked, then added once; opening it again changes nothing. */
export function AssignmentImportPage() {
  const { t } = useTranslation(['trainer', 'ui']);
  const { db, now } = useServices();
  const hash = useLocation({ select: (location) => location.hash });
  const [pasted, setPasted] = useState('');
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void importAssignment(db, pasted, now()).then(setResult);
  };

  const openFile = async (files: FileList | null) => {
    const [first] = await readTextFiles(files ?? []);
    if (first) setResult(await importAssignment(db, first.text, now()));
  };

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
            <p>{t('learner.checked', { name: result.payload.trainer.name, fingerprint: result.keyFingerprint })}</p>
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
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="assignment-code">{t('learner.pasteLabel')}</label>
          <textarea id="assignment-code" rows={3} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('learner.pasteSubmit')}
        </button>
      </form>
      <div className="field">
        <label htmlFor="assignment-file">{t('learner.fileLabel')}</label>
        <input
          id="assignment-file"
          type="file"
          accept=".txt,text/plain"
          onChange={(event) => {
            void openFile(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      <p>
        <Link to="/">{t('learner.backToDashboard')}</Link>
      </p>
    </>
  );
}
