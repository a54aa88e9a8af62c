import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';

/**
 * Some private modes and managed browsers block storage. The course still runs, with progress
 * held in memory, and this warning says plainly that it will not be kept.
 */
export function StorageWarning() {
  const { t } = useTranslation();
  const { db } = useServices();
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    let cancelled = false;
    db.open()
      .then(() => db.profile.count())
      .catch(() => {
        if (!cancelled) setBlocked(true);
      });
    return () => {
      cancelled = true;
    };
  }, [db]);
  if (!blocked) return null;
  return (
    <p role="alert" className="panel panel--warning">
      {t('storage.blocked')}
    </p>
  );
}
