import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import type { AssignmentPayload } from '../../trainer/assignmentCode';
import { importReceipts, pastedCodes, type ReceiptImportResult } from '../../trainer/receiptImport';
import { readTextFiles } from '../shared/downloadText';
import { TextField } from '../shared/FormParts';

/** Receipts in: many files at once (picked or dropped) or pasted links, each with its own result. */
export function ReceiptImport({
  assignment,
  initialText = '',
}: {
  assignment: AssignmentPayload;
  initialText?: string;
}) {
  const { t } = useTranslation('trainer');
  const db = useDatabase();
  const { now } = useServices();
  const [pasted, setPasted] = useState(initialText);
  const [results, setResults] = useState<ReceiptImportResult[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const run = async (inputs: { source: string; text: string }[]) => {
    if (inputs.length === 0) {
      setResults([]);
      return;
    }
    setBusy(true);
    try {
      setResults(await importReceipts(db, assignment, inputs, now()));
    } finally {
      setBusy(false);
    }
  };

  const importFiles = async (files: FileList | null) => {
    if (files && files.length > 0) await run(await readTextFiles(files));
  };

  const importPasted = (event: FormEvent) => {
    event.preventDefault();
    void run(
      pastedCodes(pasted).map((text, index) => ({ source: t('import.linkSource', { number: index + 1 }), text })),
    );
  };

  // Dropping files is a pointer shortcut; the file input is the way in for everyone else.
  const dropZone = useRef<HTMLDivElement>(null);
  const importFilesRef = useRef(importFiles);
  useEffect(() => {
    importFilesRef.current = importFiles;
  });
  useEffect(() => {
    const zone = dropZone.current;
    if (!zone) return;
    const over = (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      void importFilesRef.current(event.dataTransfer?.files ?? null);
    };
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', leave);
    zone.addEventListener('drop', drop);
    return () => {
      zone.removeEventListener('dragover', over);
      zone.removeEventListener('dragleave', leave);
      zone.removeEventListener('drop', drop);
    };
  }, []);

  const imported = results?.filter((result) => result.check.ok).length ?? 0;
  const refused = (results?.length ?? 0) - imported;

  return (
    <>
      <div ref={dropZone} className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}>
        <label htmlFor="receipt-files">{t('import.files')}</label>
        <p id="receipt-files-hint" className="hint">
          {t('import.filesHint')}
        </p>
        <input
          id="receipt-files"
          type="file"
          multiple
          accept=".txt,text/plain"
          aria-describedby="receipt-files-hint"
          onChange={(event) => {
            void importFiles(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      <form className="form" onSubmit={importPasted}>
        <TextField
          id="receipt-links"
          label={t('import.links')}
          hint={t('import.linksHint')}
          rows={4}
          value={pasted}
          onChange={setPasted}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('import.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {results && (
          <section className="panel" aria-labelledby="import-results-heading">
            <h3 id="import-results-heading">{t('import.resultsHeading')}</h3>
            <p>
              {results.length === 0
                ? t('import.nothing')
                : `${t('import.imported', { count: imported })} ${t('import.refused', { count: refused })}`}
            </p>
            <ul className="import-results">
              {results.map((result, index) => (
                <li key={index} className={result.check.ok ? 'import-results__ok' : 'import-results__refused'}>
                  <strong>{result.source}:</strong>{' '}
                  {result.check.ok
                    ? t('import.ok', { name: result.check.payload.learner.name })
                    : t(`import.problem.${result.check.problem}`, { name: result.check.learnerName ?? '' })}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
