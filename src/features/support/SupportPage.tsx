import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../shared/PageHeading';

/** Only services whose numbers are verified in the project's fact brief are listed with a number. */
const SERVICES = [
  { id: 'emergency', phone: '999' },
  { id: 'police', phone: '101' },
  { id: 'nspcc', phone: '0808 800 5000' },
  { id: 'childline', phone: '0800 1111' },
  { id: 'victimSupport', phone: '08 08 16 89 111' },
] as const;

export function SupportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading tabTitle={t('support.tabTitle')}>{t('support.heading')}</PageHeading>
      <p className="lead">{t('support.intro')}</p>
      <p>
        <Link to="/safety">{t('safety.linkText')}</Link>
      </p>
      <ul className="service-list">
        {SERVICES.map((service) => (
          <li key={service.id}>
            <h2>{t(`support.${service.id}.name`)}</h2>
            <p>
              <a href={`tel:${service.phone.replace(/\s/g, '')}`} className="phone">
                {service.phone}
              </a>
            </p>
            <p>{t(`support.${service.id}.when`)}</p>
          </li>
        ))}
      </ul>
      <h2>{t('support.adultSurvivors.heading')}</h2>
      <p>{t('support.adultSurvivors.body')}</p>
      <h2>{t('support.atWork.heading')}</h2>
      <p>{t('support.atWork.body')}</p>
    </>
  );
}
