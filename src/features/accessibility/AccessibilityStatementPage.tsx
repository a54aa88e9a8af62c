import { useTranslation } from 'react-i18next';
import reviewStatus from '../../../locales/review-status.json';
import { PageHeading } from '../shared/PageHeading';

const SECTIONS = [
  'using',
  'howAccessible',
  'knownGaps',
  'feedback',
  'enforcement',
  'technical',
  'testing',
  'preparation',
] as const;
// The Welsh is a known gap until a fluent speaker's review is recorded (locales/cy/REVIEWING.md).
const welshReviewed = reviewStatus.cy.reviewed && Boolean(reviewStatus.cy.reviewedOn);
const KNOWN_GAPS = ['screenReaders', ...(welshReviewed ? [] : ['welsh']), 'externalSources'];

/** The accessibility statement, in the model GOV.UK services use. */
export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading tabTitle={t('accessibility.tabTitle')}>{t('accessibility.heading')}</PageHeading>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`accessibility-${section}`}>
          <h2 id={`accessibility-${section}`}>{t(`accessibility.${section}.heading`)}</h2>
          <p>{t(`accessibility.${section}.body`)}</p>
          {section === 'using' && (
            <ul>
              {(['keyboard', 'zoom', 'settings', 'screenReader', 'quickExit'] as const).map((item) => (
                <li key={item}>{t(`accessibility.using.${item}`)}</li>
              ))}
            </ul>
          )}
          {section === 'knownGaps' && (
            <ul>
              {KNOWN_GAPS.map((gap) => (
                <li key={gap}>{t(`accessibility.knownGaps.${gap}`)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
