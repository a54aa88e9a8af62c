import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QuickExit } from '../features/safety/QuickExit';
import { useOfflineNotices } from '../features/offline/UpdatePrompt';
import { StorageWarning } from '../features/offline/StorageWarning';
import { LanguageSwitcher, useLanguageFromAddress } from '../features/shared/LanguageSwitcher';
import { NationProvider, useLearnerNation } from '../features/shared/nation';

/** Moves focus to the new page's heading after in-app navigation, as a full page load would for a screen reader. */
function useFocusHeadingOnNavigate() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname]);
}

/** Inside an LMS the course reports progress, so the footer must not say nothing is sent. */
const IN_LMS = import.meta.env.MODE === 'lms';

const NAVIGATION_ID = 'site-navigation';

/**
 * On a phone the nine links sit behind a Menu button, so the header stays short; the menu closes
 * on every new page (it is open only for the page it was opened on). Wider screens show the links.
 */
function useMenu() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return { open, toggle: () => setOpenOn(open ? null : pathname) };
}

export function AppLayout() {
  const { t } = useTranslation();
  useFocusHeadingOnNavigate();
  useLanguageFromAddress();
  const offlineNotices = useOfflineNotices();
  const menu = useMenu();
  const nation = useLearnerNation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      {/* Before the header, in reading and Tab order, and kept in view at the top of the screen. */}
      <QuickExit />
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <LanguageSwitcher />
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menu.open}
            aria-controls={NAVIGATION_ID}
            onClick={menu.toggle}
          >
            {t('layout.menu')}
          </button>
          <nav id={NAVIGATION_ID} aria-label={t('layout.mainNavigation')} data-open={menu.open}>
            <ul className="nav-list">
              <li>
                <Link to="/" activeOptions={{ exact: true }}>
                  {t('nav.dashboard')}
                </Link>
              </li>
              <li>
                <Link to="/certificates">{t('nav.certificates')}</Link>
              </li>
              <li>
                <Link to="/profile">{t('nav.profile')}</Link>
              </li>
              <li>
                <Link to="/my-data">{t('nav.myData')}</Link>
              </li>
              <li>
                <Link to="/trainer">{t('nav.trainer')}</Link>
              </li>
              <li>
                <Link to="/settings">{t('nav.settings')}</Link>
              </li>
              <li>
                <Link to="/sources">{t('nav.sources')}</Link>
              </li>
              <li>
                <Link to="/about">{t('nav.about')}</Link>
              </li>
              <li>
                <Link to="/support">{t('nav.support')}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="page">
        <StorageWarning />
        {offlineNotices.update}
        <Suspense fallback={<p role="status">{t('layout.loading')}</p>}>
          <NationProvider nation={nation}>
            <Outlet />
          </NationProvider>
        </Suspense>
      </main>
      <footer className="site-footer">
        {offlineNotices.ready}
        <p>
          {t('layout.footerSupport')} <Link to="/support">{t('layout.footerSupportLink')}</Link>
        </p>
        <p>
          <Link to="/safety">{t('safety.linkText')}</Link>
        </p>
        <p>{t(IN_LMS ? 'layout.footerPrivacyLms' : 'layout.footerPrivacy')}</p>
        <p>
          <Link to="/accessibility">{t('nav.accessibility')}</Link>
        </p>
      </footer>
    </>
  );
}
