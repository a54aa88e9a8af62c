import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../shared/PageHeading';

/**
 * The safety content page of GOV.UK's "Exit a page quickly" pattern: what the quick exit does and
 * does not do (history is not erased), and other ways to stay private on this device.
 */
export function SafetyPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading tabTitle={t('safety.tabTitle')}>{t('safety.heading')}</PageHeading>
      <p className="lead">{t('safety.intro')}</p>

      <h2>{t('safety.exit.heading')}</h2>
      <p>{t('safety.exit.body')}</p>
      <p>{t('safety.exit.saved')}</p>

      <h2>{t('safety.limits.heading')}</h2>
      <ul>
        <li>{t('safety.limits.history')}</li>
        <li>
          {t('safety.limits.device')} <Link to="/my-data">{t('safety.myDataLink')}</Link>
        </li>
        <li>{t('safety.limits.monitoring')}</li>
      </ul>

      <h2>{t('safety.private.heading')}</h2>
      <p>{t('safety.private.body')}</p>
      <ul>
        <li>{t('safety.private.chrome')}</li>
        <li>{t('safety.private.safariFirefox')}</li>
        <li>{t('safety.private.edge')}</li>
        <li>{t('safety.private.samsung')}</li>
      </ul>

      <h2>{t('safety.history.heading')}</h2>
      <p>{t('safety.history.body')}</p>

      <h2>{t('safety.shared.heading')}</h2>
      <p>{t('safety.shared.body')}</p>

      <p>
        {t('safety.support')} <Link to="/support">{t('safety.supportLink')}</Link>
      </p>
    </>
  );
}
