import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerSW } from 'virtual:pwa-register';
import { savesData, whenPageIsIdle } from './offlineCopy';

type Registration = { update: (reload?: boolean) => Promise<void> };

/** Only the production build outside an LMS has a service worker (vite.config.ts), so only it offers one. */
const HAS_SERVICE_WORKER = import.meta.env.PROD && import.meta.env.MODE !== 'lms';

/**
 * Registers the service worker that makes the course work offline, and returns its notices.
 * Registering starts the offline copy's download, so it waits until the first page has loaded and
 * the browser is idle. When the browser asks to save data and no copy is saved yet, it waits for
 * the learner instead, and says so. A new version is offered at the top of the page, never forced:
 * it waits until the learner chooses to update, so no lesson reloads mid-answer. The other notices go
 * in the footer, because they arrive after the first page and would otherwise push what the learner
 * is reading down the screen.
 */
export function useOfflineNotices() {
  const { t } = useTranslation();
  const [offlineReady, setOfflineReady] = useState(false);
  const [needRefresh, setNeedRefresh] = useState(false);
  const [waitingForLearner, setWaitingForLearner] = useState(false);
  const [saving, setSaving] = useState(false);
  const registration = useRef<Registration | null>(null);

  const register = useCallback(() => {
    if (registration.current) return;
    const update = registerSW({
      immediate: true,
      onOfflineReady: () => {
        setSaving(false);
        setOfflineReady(true);
      },
      onNeedRefresh: () => setNeedRefresh(true),
    });
    registration.current = { update };
  }, []);

  useEffect(() => {
    if (!HAS_SERVICE_WORKER || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    let cancelIdle = () => {};
    void navigator.serviceWorker
      .getRegistration()
      .catch(() => undefined)
      .then((existing) => {
        if (cancelled) return;
        // A copy already saved keeps itself up to date; only the first, full download waits.
        if (!existing && savesData(navigator)) setWaitingForLearner(true);
        else cancelIdle = whenPageIsIdle(window, register);
      });
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, [register]);

  const update = (
    <div className="update-prompt" role="status">
      {needRefresh && (
        <div className="panel panel--highlight">
          <p>{t('offline.updateReady')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void registration.current?.update(true)}>
              {t('offline.updateNow')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setNeedRefresh(false)}>
              {t('offline.updateLater')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
  const ready = (
    <div role="status">
      {offlineReady && !needRefresh && (
        <p className="panel panel--support">
          {t('offline.ready')}{' '}
          <button type="button" className="button button--link" onClick={() => setOfflineReady(false)}>
            {t('offline.dismiss')}
          </button>
        </p>
      )}
      {waitingForLearner && (
        <div className="panel panel--support">
          <p>{t('offline.saveDataNotice')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setWaitingForLearner(false);
              setSaving(true);
              register();
            }}
          >
            {t('offline.saveDataDownload')}
          </button>
        </div>
      )}
      {saving && !offlineReady && <p className="panel panel--support">{t('offline.saving')}</p>}
    </div>
  );
  return { update, ready };
}
