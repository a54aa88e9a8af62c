import { useTranslation } from 'react-i18next';

/** Tells a learner in an LMS what is shared with it, and any problem talking to it. */
export function LmsNotice({ problem }: { problem: 'no-lms' | 'unreadable-progress' | null }) {
  const { t } = useTranslation('lms');
  return (
    <aside className="page" aria-label={t('noticeLabel')}>
      <p className="panel panel--support">{t('shared')}</p>
      {problem && (
        <p role="alert" className="panel panel--warning">
          {t(`problem.${problem}`)}
        </p>
      )}
    </aside>
  );
}
