import { useTranslation } from 'react-i18next';
import { organisation } from '../../organisation/organisation';
import { PageHeading } from '../shared/PageHeading';
import { SourceRefs } from '../shared/SourceRefs';
import reviewStatus from '../../../locales/review-status.json';

/** Claims on this page, each with the sources that back it. */
const AUDIT_FACTS: { key: string; sources: string[] }[] = [
  { key: 'about.audit.what', sources: ['S1', 'S12'] },
  { key: 'about.audit.when', sources: ['S1', 'S10'] },
  { key: 'about.audit.scope', sources: ['S12'] },
  { key: 'about.audit.recommendations', sources: ['S1'] },
];

export function AboutPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading tabTitle={t('about.tabTitle')}>{t('about.heading')}</PageHeading>
      <p className="lead">{t('about.intro')}</p>
      {organisation && <p>{t('about.runBy', { organisation: organisation.name })}</p>}
      <h2>{t('about.audit.heading')}</h2>
      {AUDIT_FACTS.map((fact) => (
        <p key={fact.key}>
          {t(fact.key)} <SourceRefs refs={fact.sources} />
        </p>
      ))}
      <h2>{t('about.course.heading')}</h2>
      <p>{t('about.course.who')}</p>
      <p>{t('about.course.composites')}</p>
      <p>{t('about.course.facts')}</p>
      <h2>{t('about.languages.heading')}</h2>
      <ul>
        <li lang="en">{t('about.languages.en')}</li>
        <li>
          {reviewStatus.cy.reviewed && reviewStatus.cy.reviewedOn
            ? t('about.languages.cy.reviewed', { date: reviewStatus.cy.reviewedOn })
            : t('about.languages.cy.draft')}
        </li>
      </ul>
      <h2>{t('about.privacy.heading')}</h2>
      <p>{t('about.privacy.body')}</p>
    </>
  );
}
