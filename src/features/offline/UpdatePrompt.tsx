import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Registers the service worker that makes the course work offline. A new version is offered,
 * never forced: it waits until the learner chooses to update, so no lesson reloads mid-answer.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  return (
    <div className="update-prompt" role="status">
      {offlineReady && !needRefresh && (
        <p className="panel panel--support">
          {t('offline.ready')}{' '}
          <button type="button" className="button button--link" onClick={() => setOfflineReady(false)}>
            {t('offline.dismiss')}
          </button>
        </p>
      )}
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
}
