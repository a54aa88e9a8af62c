import { useContentTranslation } from './nation';
import { mythKeys } from '../../engine/contentKeys';

/** The misconceptions a learner's wrong answers showed, each with what is true instead. */
export function MythList({ myths, headingId }: { myths: string[]; headingId: string }) {
  const { t } = useContentTranslation(['ui', 'myths']);
  if (myths.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('myths.heading')}</h2>
      <p>{t('myths.intro')}</p>
      <dl className="myth-list">
        {myths.map((myth) => (
          <div key={myth}>
            <dt>{t(mythKeys.label(myth), { ns: 'myths' })}</dt>
            <dd>{t(mythKeys.truth(myth), { ns: 'myths' })}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
