import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "Start this lesson again" asks first and says what is cleared and what is kept. */
export function RestartLesson({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the question, so a screen reader reads what would be cleared before the buttons.
  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="button button--link" onClick={() => setAsking(true)}>
        {t('lesson.restart')}
      </button>
    );
  }
  return (
    <div className="panel panel--warning" role="group" aria-labelledby="restart-heading">
      <h2 id="restart-heading" className="h3" tabIndex={-1} ref={heading}>
        {t('lesson.restartConfirm.heading')}
      </h2>
      <p>{t('lesson.restartConfirm.cleared')}</p>
      <p>{t('lesson.restartConfirm.kept')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            setAsking(false);
            onRestart();
          }}
        >
          {t('lesson.restartConfirm.yes')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
          {t('lesson.restartConfirm.no')}
        </button>
      </div>
    </div>
  );
}
