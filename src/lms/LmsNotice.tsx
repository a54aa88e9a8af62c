import { useTranslation } from 'react-i18next';

// Keys carry their namespace ("lms::") so the interface-key check reads them as this feature's own.

/** Tells a learner in an LMS what is shared with it, and any problem talking to it. */
export function LmsNotice({ problem }: { problem: 'no-lms' | 'unreadable-progress' | null }) {
  const { t } = useTranslation('lms');
  return (
    <aside className="page" aria-label={t('lms::noticeLabel')}>
      <p className="panel panel--support">{t('lms::shared')}</p>
      {problem && (
        <p role="alert" className="panel panel--warning">
          {t(`lms::problem.${problem}`)}
        </p>
      )}
    </aside>
  );
}
