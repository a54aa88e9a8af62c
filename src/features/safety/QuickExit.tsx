import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createShiftCounter, quickExit } from './quickExit';

/**
 * The quick exit on every page, as GOV.UK's "Exit this page": a button that stays at the top of
 * the screen however far the page scrolls (so focus moving to new feedback never takes it out of
 * view), and Shift pressed three times within five seconds. Either blanks the page at once, then
 * leaves. Progress is already saved after every step, so leaving loses nothing.
 */
export function QuickExit({ onExit }: { onExit?: () => void }) {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);
  const leave = useMemo(
    () => onExit ?? (() => quickExit(undefined, undefined, { overlayText: t('quickExit.leaving') })),
    [onExit, t],
  );
  const counter = useMemo(() => createShiftCounter({ onCount: setCount, onExit: leave }), [leave]);

  useEffect(() => {
    const down = (event: KeyboardEvent) => counter.keydown(event);
    const up = (event: KeyboardEvent) => counter.keyup(event, Date.now());
    window.addEventListener('keydown', down, true);
    window.addEventListener('keyup', up, true);
    return () => {
      window.removeEventListener('keydown', down, true);
      window.removeEventListener('keyup', up, true);
    };
  }, [counter]);

  useEffect(() => {
    if (count === 0) return;
    const timer = window.setTimeout(() => counter.reset(), 5000);
    return () => window.clearTimeout(timer);
  }, [count, counter]);

  return (
    <div className="quick-exit-bar">
      <div className="quick-exit">
        <button type="button" className="button button--exit" onClick={() => leave()}>
          {t('quickExit.button')}
        </button>
        <p className="quick-exit__hint">{t('quickExit.hint')}</p>
        <p className="quick-exit__count" aria-live="assertive">
          {count > 0 ? t('quickExit.count', { count, needed: 3 }) : ''}
        </p>
      </div>
    </div>
  );
}
