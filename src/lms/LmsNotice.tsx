import { useTranslation } from 'react-i18next';

// Keys carry their namespace ("lms::") so the interface-key check reads them as this feature's own.

/**
 * Tells a learner in an LMS what is shared with it, and any problem talking to it. A slim strip
 * (never a page: LMS frames can be 650 px high and the course must start above the fold).
 */
export function LmsNotice({ problem }: { problem: 'no-lms' | 'unreadable-progress' | null }) {
  const { t } = useTranslation('lms');
  return (
    <aside className="lms-notice" aria-label={t('lms::noticeLabel')}>
      <p>{t('lms::shared')}</p>
      {problem && (
        <p role="alert" className="lms-notice__problem">
          {t(`lms::problem.${problem}`)}
        </p>
      )}
    </aside>
  );
}
