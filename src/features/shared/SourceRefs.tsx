import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { findSource } from '../../content/catalog';

/** The sources behind one claim, linked to their entries on the sources page. */
export function SourceRefs({ refs }: { refs: string[] }) {
  const { t } = useTranslation();
  const { catalog } = useServices();
  if (refs.length === 0) return null;
  return (
    <span className="source-refs">
      <span className="visually-hidden">{t('sources.inlineLabel')} </span>
      {refs.map((ref) => {
        const source = findSource(catalog, ref);
        const name = source ? `${source.outlet}${source.date ? `, ${source.date.slice(0, 4)}` : ''}` : ref;
        return (
          <Link
            key={ref}
            to="/sources"
            hash={ref}
            className="source-ref"
            aria-label={t('sources.refLabel', { name, title: source?.title ?? ref })}
          >
            [{name}]
          </Link>
        );
      })}
    </span>
  );
}
