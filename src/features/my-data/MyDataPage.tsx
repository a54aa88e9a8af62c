import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import { decodeBackup, deleteEverything, exportBackup, importBackup, type Backup } from '../../storage/backup';
import { FormMessage } from '../shared/FormParts';
import { PageHeading } from '../shared/PageHeading';

type Persistence = 'unknown' | 'persisted' | 'not-persisted' | 'unsupported';

function usePersistence(): [Persistence, () => void] {
  const [state, setState] = useState<Persistence>(() =>
    'storage' in navigator && 'persisted' in navigator.storage ? 'unknown' : 'unsupported',
  );
  useEffect(() => {
    if (!('storage' in navigator && 'persisted' in navigator.storage)) return;
    navigator.storage
      .persisted()
      .then((persisted) => setState(persisted ? 'persisted' : 'not-persisted'))
      .catch(() => setState('unsupported'));
  }, []);
  const ask = () => {
    navigator.storage
      ?.persist?.()
      .then((persisted) => setState(persisted ? 'persisted' : 'not-persisted'))
      .catch(() => setState('unsupported'));
  };
  return [state, ask];
}

function downloadFile(name: string, contents: string) {
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function MyDataPage() {
  const { t } = useTranslation();
  const db = useDatabase();
  const { now } = useServices();
  const [persistence, askToPersist] = usePersistence();
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [pending, setPending] = useState<Backup | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const exportAll = async () => {
    try {
      const backup = await exportBackup(db, now());
      const date = new Date(backup.exportedAt).toISOString().slice(0, 10);
      downloadFile(`heard-progress-${date}.json`, JSON.stringify(backup, null, 2));
      setMessage({ kind: 'status', text: t('myData.exported') });
    } catch {
      setMessage({ kind: 'alert', text: t('myData.exportFailed') });
    }
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setPending(null);
    if (!file) return;
    if (file.size > 20 * 1024 * 1024) {
      setMessage({ kind: 'alert', text: t('myData.problem.too-large') });
      return;
    }
    const decoded = decodeBackup(await file.text());
    if (!decoded.ok) {
      setMessage({ kind: 'alert', text: t(`myData.problem.${decoded.problem}`) });
      return;
    }
    setMessage(null);
    setPending(decoded.backup);
  };

  const applyImport = async (mode: 'merge' | 'replace') => {
    if (!pending) return;
    try {
      await importBackup(db, pending, mode);
      setMessage({ kind: 'status', text: t(`myData.imported.${mode}`) });
    } catch {
      setMessage({ kind: 'alert', text: t('myData.importFailed') });
    }
    setPending(null);
  };

  const deleteAll = async () => {
    try {
      await deleteEverything(db);
      setMessage({ kind: 'status', text: t('myData.deleted') });
    } catch {
      setMessage({ kind: 'alert', text: t('myData.deleteFailed') });
    }
    setConfirmDelete(false);
  };

  return (
    <>
      <PageHeading tabTitle={t('myData.tabTitle')}>{t('myData.heading')}</PageHeading>
      <p className="lead">{t('myData.intro')}</p>
      <FormMessage
        status={message?.kind === 'status' ? message.text : undefined}
        alert={message?.kind === 'alert' ? message.text : undefined}
      />

      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">{t('myData.storage.heading')}</h2>
        <p>{t(`myData.storage.${persistence}`)}</p>
        {persistence === 'not-persisted' && (
          <button type="button" className="button button--secondary" onClick={askToPersist}>
            {t('myData.storage.ask')}
          </button>
        )}
      </section>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('myData.export.heading')}</h2>
        <p>{t('myData.export.body')}</p>
        <button type="button" className="button" onClick={() => void exportAll()}>
          {t('myData.export.action')}
        </button>
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('myData.import.heading')}</h2>
        <p>{t('myData.import.body')}</p>
        <div className="form field">
          <label htmlFor="backup-file">{t('myData.import.label')}</label>
          <input
            id="backup-file"
            type="file"
            accept="application/json,.json"
            onChange={(event) => void chooseFile(event)}
          />
        </div>
        {pending && (
          <div className="panel panel--warning" role="group" aria-labelledby="import-confirm">
            <p id="import-confirm">
              {t('myData.import.confirm', {
                answers: pending.answers.length,
                lessons: pending.lessonProgress.length,
                date: new Date(pending.exportedAt).toLocaleDateString('en-GB'),
              })}
            </p>
            <div className="button-row">
              <button type="button" className="button" onClick={() => void applyImport('merge')}>
                {t('myData.import.merge')}
              </button>
              <button type="button" className="button button--warning" onClick={() => void applyImport('replace')}>
                {t('myData.import.replace')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
                {t('myData.cancel')}
              </button>
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('myData.delete.heading')}</h2>
        <p>{t('myData.delete.body')}</p>
        {confirmDelete ? (
          <div className="panel panel--warning" role="group" aria-labelledby="delete-confirm">
            <p id="delete-confirm">{t('myData.delete.confirm')}</p>
            <div className="button-row">
              <button type="button" className="button button--warning" onClick={() => void deleteAll()}>
                {t('myData.delete.yes')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirmDelete(false)}>
                {t('myData.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button--warning" onClick={() => setConfirmDelete(true)}>
            {t('myData.delete.action')}
          </button>
        )}
      </section>
    </>
  );
}
