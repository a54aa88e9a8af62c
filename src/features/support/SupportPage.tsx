import { Link } from '@tanstack/react-router';
import { useContentTranslation } from '../shared/nation';
import { PageHeading } from '../shared/PageHeading';
import { OrganisationSupport } from './OrganisationSupport';

/**
 * Support services. A number or text number is listed only where the project's fact briefs read it
 * on the service's own site (or its operator's); otherwise the service is linked at its own site.
 * Each entry names its fact-brief source so the next check knows where to look.
 */
const SERVICES: readonly { id: string; phone?: string; text?: string; url?: string; source: string }[] = [
  { id: 'emergency', phone: '999', source: 'S64' },
  { id: 'police', phone: '101', source: 'S64' },
  {
    id: 'nspcc',
    phone: '0808 800 5000',
    url: 'https://www.nspcc.org.uk/keeping-children-safe/reporting-abuse/report/',
    source: 'S64, L48',
  },
  { id: 'childline', phone: '0800 1111', url: 'https://learning.nspcc.org.uk/services/childline', source: 'S64, L48' },
  {
    id: 'victimSupport',
    phone: '08 08 16 89 111',
    url: 'https://www.victimsupport.org.uk/247-support-still-available-victims-crime/',
    source: 'S64',
  },
  { id: 'meic', phone: '080880 23456', text: '84001', url: 'http://www.promo.cymru/project/meic/', source: 'L45' },
  {
    id: 'liveFearFree',
    phone: '0808 80 10 800',
    text: '07860 077333',
    url: 'https://www.gov.wales/live-fear-free/sexual-violence',
    source: 'L46',
  },
  // No number for these two was read on their own sites, so they are linked, not dialled.
  { id: 'rapeCrisis', url: 'https://247sexualabusesupport.org.uk/faqs/', source: 'S64' },
  { id: 'napac', url: 'https://napac.org.uk/', source: 'S64, L49' },
];

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
      <ul className="service-list">
        {SERVICES.map((service) => {
          const name = t(`support.${service.id}.name`);
          return (
            <li key={service.id}>
              <h2>{name}</h2>
              {service.phone && (
                <p>
                  <a href={`tel:${service.phone.replace(/\s/g, '')}`} className="phone">
                    {service.phone}
                  </a>
                </p>
              )}
              {service.text && <p>{t('support.textNumber', { number: service.text })}</p>}
              <p>{t(`support.${service.id}.when`)}</p>
              {service.url && (
                <p>
                  <a href={service.url} rel="noreferrer noopener" target="_blank">
                    {t('support.website', { name })}
                    <span className="visually-hidden"> {t('sources.opensNewTab')}</span>
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <h2>{t('support.atWork.heading')}</h2>
      <p>{t('support.atWork.body')}</p>
    </>
  );
}
