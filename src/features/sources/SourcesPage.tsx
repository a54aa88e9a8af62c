import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { citationsBySource } from '../../content/citations';
import { catalogueKeys, lessonKeys, stepKeys } from '../../engine/contentKeys';
import { PageHeading } from '../shared/PageHeading';

const sourceNumber = (id: string) => Number(id.slice(1));

export function SourcesPage() {
  const { catalog } = useServices();
  const { t } = useTranslation(['ui', 'catalogue', ...catalog.modules.map((courseModule) => courseModule.id)]);
  const citations = useMemo(() => citationsBySource(catalog), [catalog]);
  const sources = [...catalog.sources].sort((a, b) => sourceNumber(a.id) - sourceNumber(b.id));
  return (
    <>
      <PageHeading tabTitle={t('sources.tabTitle')}>{t('sources.heading')}</PageHeading>
      <p className="lead">{t('sources.intro')}</p>
      <ol className="source-list">
        {sources.map((source) => {
          const cited = citations.get(source.id) ?? [];
          return (
            <li key={source.id} id={source.id} tabIndex={-1}>
              <p>
                <strong>{source.outlet}</strong>, <cite>{source.title}</cite>
                {source.date && <>, {source.date}</>}. <span className="source-id">[{source.id}]</span>
              </p>
              <p>
                <a href={source.url} rel="noreferrer noopener" target="_blank">
                  {t('sources.open', { outlet: source.outlet })}
                  <span className="visually-hidden"> {t('sources.opensNewTab')}</span>
                </a>
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
