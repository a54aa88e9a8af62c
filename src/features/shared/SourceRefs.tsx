import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { findSource } from '../../content/references';
import { citedAt, citedSource, type Citation } from '../../engine/content';

/** The sources behind one claim, linked to their entries on the sources page, with where in each, when given. */
export function SourceRefs({ refs }: { refs: Citation[] }) {
  const { t } = useTranslation();
  const { catalog } = useServices();
  if (refs.length === 0) return null;
  return (
    <span className="source-refs">
      <span className="visually-hidden">{t('sources.inlineLabel')} </span>
      {refs.map((citation) => {
        const ref = citedSource(citation);
        const at = citedAt(citation);
        const source = findSource(catalog, ref);
        const name = source ? `${source.publisher}${source.date ? `, ${source.date.slice(0, 4)}` : ''}` : ref;
        const shown = at ? `${name}, ${at}` : name;
        return (
          <Link
            key={`${ref}/${at ?? ''}`}
            to="/sources"
            hash={ref}
            className="source-ref"
            aria-label={t('sources.refLabel', { name: shown, title: source?.title ?? ref })}
          >
            [{shown}]
          </Link>
        );
      })}
    </span>
  );
}
