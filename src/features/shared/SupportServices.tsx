// The support services, listed once for the support page and the end of each module. Both nations
// see every service; a learner in Wales sees Wales's own services first (Meic, and Live Fear Free /
// Byw Heb Ofn), because they are where a child or adult in Wales is most likely to be helped.
import type { Nation } from '../../engine/contentSchema';
import { useContentTranslation, useNation } from './nation';

export interface SupportService {
  id: string;
  phone?: string;
  text?: string;
  url?: string;
  /** The fact-brief source the number or address was read in, so the next check knows where to look. */
  source: string;
  /** Set for a service of one nation: it comes first for learners there. */
  nation?: Nation;
}

/**
 * A number or text number is listed only where the project's fact briefs read it on the service's
 * own site (or its operator's); otherwise the service is linked at its own site.
 */
export const SUPPORT_SERVICES: readonly SupportService[] = [
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
  {
    id: 'meic',
    phone: '080880 23456',
    text: '84001',
    url: 'http://www.promo.cymru/project/meic/',
    source: 'L45',
    nation: 'wales',
  },
  {
    id: 'liveFearFree',
    phone: '0808 80 10 800',
    text: '07860 077333',
    url: 'https://www.gov.wales/live-fear-free/sexual-violence',
    source: 'L46',
    nation: 'wales',
  },
  // No number for these two was read on their own sites, so they are linked, not dialled.
  { id: 'rapeCrisis', url: 'https://247sexualabusesupport.org.uk/faqs/', source: 'S64' },
  { id: 'napac', url: 'https://napac.org.uk/', source: 'S64, L49' },
];

/** Every service, the learner's nation's own first (in their listed order), then the rest as listed. */
export function servicesFor(nation: Nation | null): SupportService[] {
  const own = SUPPORT_SERVICES.filter((service) => nation && service.nation === nation);
  return [...own, ...SUPPORT_SERVICES.filter((service) => !own.includes(service))];
}

const dial = (phone: string) => `tel:${phone.replace(/\s/g, '')}`;

/** The services in the learner's nation's order: in full (the support page) or names and numbers (a module's end). */
export function SupportServiceList({ brief = false }: { brief?: boolean }) {
  const { t } = useContentTranslation();
  const services = servicesFor(useNation());
  if (brief) {
    return (
      <ul className="service-list service-list--brief">
        {services.map((service) => (
          <li key={service.id}>
            <strong>{t(`support.${service.id}.name`)}</strong>
            {service.phone && (
              <>
                {' '}
                <a href={dial(service.phone)} className="phone">
                  {service.phone}
                </a>
              </>
            )}
            {service.text && <> {t('support.textNumber', { number: service.text })}</>}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="service-list">
      {services.map((service) => {
        const name = t(`support.${service.id}.name`);
        return (
          <li key={service.id}>
            <h2>{name}</h2>
            {service.phone && (
              <p>
                <a href={dial(service.phone)} className="phone">
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
  );
}
