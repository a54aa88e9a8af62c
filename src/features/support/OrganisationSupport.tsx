import { useContentTranslation } from '../shared/nation';
import { organisation } from '../../organisation/organisation';
import type { SupportService } from '../../organisation/organisationSchema';

const dial = (phone: string) => `tel:${phone.replace(/\s/g, '')}`;

/** A phone number and a web address, each only where the organisation gave it. */
function WaysIn({ name, phone, url }: { name: string; phone?: string; url?: string }) {
  const { t } = useContentTranslation();
  return (
    <>
      {phone && (
        <p>
          <a href={dial(phone)} className="phone">
            {phone}
          </a>
        </p>
      )}
      {url && (
        <p>
          <a href={url} rel="noreferrer noopener" target="_blank">
            {t('support.website', { name })}
            <span className="visually-hidden"> {t('sources.opensNewTab')}</span>
          </a>
        </p>
      )}
    </>
  );
}

/**
 * The deploying organisation's own contacts, procedures and services, shown before the national
 * services: whom its staff tell and call. Nothing at all for the national course.
 */
export function OrganisationSupport() {
  const { t } = useContentTranslation();
  if (!organisation) return null;
  const { contacts, procedures, supportServices } = organisation;
  if (!contacts && !procedures?.length && !supportServices?.length) return null;
  const service = (entry: SupportService) => (
    <li key={entry.name}>
      <h3>{entry.name}</h3>
      <p>{entry.description}</p>
      <WaysIn name={entry.name} phone={entry.phone} url={entry.url} />
    </li>
  );
  return (
    <>
      <section aria-labelledby="organisation-support-heading">
        <h2 id="organisation-support-heading">
          {t('organisation.support.heading', { organisation: organisation.name })}
        </h2>
        {contacts && (
          <ul className="service-list">
            <li>
              <h3>{t('organisation.support.lead', { role: contacts.safeguardingLead.role })}</h3>
              <p>{contacts.safeguardingLead.howToReach}</p>
            </li>
            <li>
              <h3>{contacts.frontDoor.name}</h3>
              <p>{t('organisation.support.frontDoor')}</p>
              <WaysIn name={contacts.frontDoor.name} phone={contacts.frontDoor.phone} url={contacts.frontDoor.url} />
            </li>
            {contacts.outOfHours && (
              <li>
                <h3>{contacts.outOfHours.name}</h3>
                <p>{t('organisation.support.outOfHours')}</p>
                <WaysIn
                  name={contacts.outOfHours.name}
                  phone={contacts.outOfHours.phone}
                  url={contacts.outOfHours.url}
                />
              </li>
            )}
            <li>
              <h3>{t('organisation.support.police')}</h3>
              <p>
                {t('organisation.support.policeEmergency')}{' '}
                <a href={dial(contacts.police.emergency)} className="phone">
                  {contacts.police.emergency}
                </a>
              </p>
              <p>
                {t('organisation.support.policeNonEmergency')}{' '}
                <a href={dial(contacts.police.nonEmergency)} className="phone">
                  {contacts.police.nonEmergency}
                </a>
              </p>
            </li>
          </ul>
        )}
        {procedures && procedures.length > 0 && (
          <>
            <h3>{t('organisation.support.procedures')}</h3>
            <ul>
              {procedures.map((procedure) => (
                <li key={procedure.url}>
                  <a href={procedure.url} rel="noreferrer noopener" target="_blank">
                    {procedure.title}
                    <span className="visually-hidden"> {t('sources.opensNewTab')}</span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        {supportServices && supportServices.length > 0 && (
          <>
            <h3>{t('organisation.support.services')}</h3>
            <ul className="service-list">{supportServices.map(service)}</ul>
          </>
        )}
      </section>
      <h2>{t('organisation.support.national')}</h2>
    </>
  );
}
