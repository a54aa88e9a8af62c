import { useEffect, useMemo } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { citationsBySource } from '../../content/citations';
import { sourcesOf } from '../../content/references';
import { catalogueKeys, lessonKeys, stepKeys } from '../../engine/contentKeys';
import { PageHeading } from '../shared/PageHeading';

/** S-keys (the audit brief) before L-keys (the law brief), then by number, then S46 before S46a. */
const sortKey = (id: string) => {
  const [, prefix = '', number = '0', letter = ''] = /^([A-Z])(\d+)([a-z]?)$/.exec(id) ?? [];
  return `${prefix === 'S' ? 0 : 1}${number.padStart(4, '0')}${letter}`;
};

/**
 * A citation links here as /sources#S12. Bring that entry into view and move focus to it, after the
 * layout has moved focus to the page heading, so the learner lands on the document they tapped.
 */
function useFocusEntryFromHash() {
  const hash = useLocation({ select: (location) => location.hash });
  useEffect(() => {
    if (!hash) return;
    const frame = requestAnimationFrame(() => {
      const entry = document.getElementById(hash);
      if (!entry) return;
      entry.scrollIntoView({ block: 'start' });
      entry.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [hash]);
}

export function SourcesPage() {
  const { catalog } = useServices();
  const { t } = useTranslation(['ui', 'catalogue', ...catalog.modules.map((courseModule) => courseModule.id)]);
  const citations = useMemo(() => citationsBySource(catalog), [catalog]);
  const sources = [...sourcesOf(catalog)].sort((a, b) => sortKey(a.id).localeCompare(sortKey(b.id)));
  useFocusEntryFromHash();
  return (
    <>
      <PageHeading tabTitle={t('sources.tabTitle')}>{t('sources.heading')}</PageHeading>
      <p className="lead">{t('sources.intro')}</p>
      <ol className="source-list">
        {sources.map((source) => {
          const cited = citations.get(source.id) ?? [];
          return (
            <li key={source.id} id={source.id} tabIndex={-1} aria-labelledby={`${source.id}-name`}>
              <p id={`${source.id}-name`}>
                <strong>{source.publisher}</strong>, <cite>{source.title}</cite>
                {source.date && <>, {source.date}</>}. <span className="source-id">[{source.id}]</span>
              </p>
              <p className="source-kind">{t(`sources.kind.${source.kind}`)}</p>
              <p>
                {source.url ? (
                  <a href={source.url} rel="noreferrer noopener" target="_blank">
                    {t('sources.open', { publisher: source.publisher })}
                    <span className="visually-hidden"> {t('sources.opensNewTab')}</span>
                  </a>
                ) : (
                  t('sources.noLink')
                )}
              </p>
              {cited.length > 0 && (
                <details>
                  <summary>{t('sources.citedBy', { count: cited.length })}</summary>
                  <ul>
                    {cited.map((citation) => (
                      <li key={`${citation.moduleId}/${citation.lessonId}/${citation.stepId}`}>
                        <Link to="/modules/$moduleId" params={{ moduleId: citation.moduleId }}>
                          {t(catalogueKeys.title(citation.moduleId), { ns: 'catalogue' })}
                        </Link>
                        {' › '}
                        {t(lessonKeys.title(citation.lessonId), { ns: citation.moduleId })}
                        {' › '}
                        {t(stepKeys.title(citation.lessonId, citation.stepId), { ns: citation.moduleId })}
                        {citation.at.length > 0 && ` (${t('sources.at', { at: citation.at.join('; ') })})`}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
