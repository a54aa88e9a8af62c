import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { readStoredProgress, type StoredProgressResult } from '../../storage/storedProgress';

/**
 * Saved progress for pages that show it before Dexie loads (the dashboard, certificates). Read again
 * whenever the page is shown, so work done in another tab appears when the learner comes back, and
 * whenever the page asks (after it saved something).
 */
export function useStoredProgress(): [StoredProgressResult | undefined, () => void] {
  const { database } = useServices();
  const [result, setResult] = useState<StoredProgressResult>();
  const [reads, setReads] = useState(0);
  const refresh = useCallback(() => setReads((count) => count + 1), []);
  useEffect(() => {
    let current = true;
    const read = () =>
      void readStoredProgress(database.name).then((next) => {
        if (current) setResult(next);
      });
    const readWhenShown = () => {
      if (document.visibilityState === 'visible') read();
    };
    read();
    document.addEventListener('visibilitychange', readWhenShown);
    return () => {
      current = false;
      document.removeEventListener('visibilitychange', readWhenShown);
    };
  }, [database, reads]);
  return [result, refresh];
}
