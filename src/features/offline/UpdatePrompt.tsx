import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Registers the service worker that makes the course work offline, and returns its two notices.
 * A new version is offered at the top of the page, never forced: it waits until the learner chooses
 * to update, so no lesson reloads mid-answer. "Ready offline" goes in the footer, because it arrives
 * a moment after the first page and would otherwise push what the learner is reading down the screen.
 */
export function useOfflineNotices() {
  const { t } = useTranslation();
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  const update = (
    <div className="update-prompt" role="status">
      {needRefresh && (
        <div className="panel panel--highlight">
          <p>{t('offline.updateReady')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void updateServiceWorker(true)}>
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
    </div>
  );
  return { update, ready };
}
