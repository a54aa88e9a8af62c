import { Link } from '@tanstack/react-router';
import { useContentTranslation } from './nation';

/** Ends every module page: where to get support, for the learner or a child. */
export function SupportSignpost() {
  const { t } = useContentTranslation();
  return (
    <aside className="panel panel--support" aria-labelledby="support-signpost-heading">
      <h2 id="support-signpost-heading">{t('supportSignpost.heading')}</h2>
      <p>{t('supportSignpost.body')}</p>
      <p>
        <Link to="/support">{t('supportSignpost.link')}</Link>
      </p>
    </aside>
  );
}
