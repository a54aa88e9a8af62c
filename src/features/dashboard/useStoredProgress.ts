import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { readStoredProgress, type StoredProgressResult } from '../../storage/storedProgress';

/**
 * Saved progress for the dashboard, read without Dexie. Read again whenever the page is shown, so a
 * lesson finished in another tab appears when the learner comes back to this one.
 */
export function useStoredProgress(): StoredProgressResult | undefined {
  const { database } = useServices();
  const [result, setResult] = useState<StoredProgressResult>();
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
  }, [database]);
  return result;
}
