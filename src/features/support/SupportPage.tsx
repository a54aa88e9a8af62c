import { Link } from '@tanstack/react-router';
import { useContentTranslation } from '../shared/nation';
import { PageHeading } from '../shared/PageHeading';
import { SupportServiceList } from '../shared/SupportServices';
import { OrganisationSupport } from './OrganisationSupport';

export function SupportPage() {
  const { t } = useContentTranslation();
  return (
    <>
      <PageHeading tabTitle={t('support.tabTitle')}>{t('support.heading')}</PageHeading>
      <p className="lead">{t('support.intro')}</p>
      <p>
        <Link to="/safety">{t('safety.linkText')}</Link>
      </p>
      <OrganisationSupport />
      <SupportServiceList />
      <h2>{t('support.atWork.heading')}</h2>
      <p>{t('support.atWork.body')}</p>
    </>
  );
}
