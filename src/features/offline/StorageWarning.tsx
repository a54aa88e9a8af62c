import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { storageWorks } from '../../storage/storedProgress';

/**
 * Some private modes and managed browsers block storage. The course still runs, with progress
 * held in memory, and this warning says plainly that it will not be kept.
 */
export function StorageWarning() {
  const { t } = useTranslation();
  const { database } = useServices();
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    let cancelled = false;
    // A read-only check, so every page (the dashboard included) can warn without loading Dexie.
    void storageWorks(database.name).then((works) => {
      if (!cancelled && !works) setBlocked(true);
    });
    return () => {
      cancelled = true;
    };
  }, [database]);
  if (!blocked) return null;
  return (
    <p role="alert" className="panel panel--warning">
      {t('storage.blocked')}
    </p>
  );
}
