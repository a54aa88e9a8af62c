import { useContentTranslation } from '../shared/nation';
import { organisation } from '../../organisation/organisation';

/**
 * A module's closing "what to do" in the deploying organisation: whom to tell and whom to call.
 * Nothing for the national course, or when the organisation file gives no contacts.
 */
export function OrganisationNextSteps() {
  const { t } = useContentTranslation();
  const contacts = organisation?.contacts;
  if (!organisation || !contacts) return null;
  const { frontDoor, safeguardingLead, police } = contacts;
  return (
    <section className="panel" aria-labelledby="organisation-next-steps-heading">
      <h3 id="organisation-next-steps-heading">
        {t('organisation.summary.heading', { organisation: organisation.name })}
      </h3>
      <ul>
        <li>
          {t('organisation.summary.tell', { role: safeguardingLead.role })} {safeguardingLead.howToReach}
        </li>
        <li>
          {t('organisation.summary.call', { name: frontDoor.name })}{' '}
          {frontDoor.phone ? (
            <a href={`tel:${frontDoor.phone.replace(/\s/g, '')}`} className="phone">
              {frontDoor.phone}
            </a>
          ) : (
            <a href={frontDoor.url} rel="noreferrer noopener" target="_blank">
              {t('support.website', { name: frontDoor.name })}
              <span className="visually-hidden"> {t('sources.opensNewTab')}</span>
            </a>
          )}
        </li>
        <li>{t('organisation.summary.danger', { emergency: police.emergency })}</li>
      </ul>
    </section>
  );
}
