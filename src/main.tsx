import { StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createHashHistory, RouterProvider } from '@tanstack/react-router';
import { I18nextProvider } from 'react-i18next';
import { createAppRouter } from './app/router';
import { preloadFirstPage } from './app/preloadFirstPage';
import { matchesPrerendered, prerenderedOf } from './app/prerender/hydration';
import { createI18n, initialLanguage, loadCoreNamespaces } from './app/i18n';
import { loadCatalog } from './content/catalog';
import { organisation } from './organisation/organisation';
import { lazyDatabase, readyDatabase } from './app/services';
import { localStorageIfAllowed, noStorage } from './storage/webStorage';
import { guardAgainstReturnAfterExit, uncoverPage } from './features/safety/quickExit';
import { applyDisplaySettings, readDisplaySettings } from './features/settings/displaySettings';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.css';

// Where the browser blocks site data, reading storage throws: every access goes through the safe
// getters, so the course still renders and says its progress will not be kept.
const storage = localStorageIfAllowed();
const leaving = guardAgainstReturnAfterExit();
// A prerendered page's head script covers it in a tab that used Exit this page, until this check.
if (!leaving) uncoverPage(document);
applyDisplaySettings(readDisplaySettings(storage ?? noStorage));

const standaloneDatabase = lazyDatabase(
  'heard',
  async (name) => new (await import('./storage/database')).HeardDatabase(name),
);

/** Buttons pressed before the app took the page over, kept by the prerendered page's head script. */
const earlyPresses = () => (window as { heardEarlyPresses?: HTMLElement[] & { done?: boolean } }).heardEarlyPresses;

/** Presses again what the learner pressed before hydration (the same elements: hydration keeps them). */
function pressEarlyButtons() {
  const presses = earlyPresses();
  if (!presses) return;
  presses.done = true;
  for (const button of presses.splice(0)) if (button.isConnected) button.click();
}

/** Marks #root once React has hydrated it (effects run only after the hydration commits). */
function Hydrated({ root, children }: { root: HTMLElement; children: ReactNode }) {
  useEffect(() => {
    root.setAttribute('data-hydrated', '');
    pressEarlyButtons();
  }, [root]);
  return children;
}

async function start() {
  const language = initialLanguage(window.location.search, storage, organisation?.defaultLanguage);
  const catalog = loadCatalog();
  // Inside an LMS the course keeps its place in the URL's hash (the LMS owns the rest of the URL)
  // and reports to the LMS; that code loads only in the LMS build.
  const lms = import.meta.env.MODE === 'lms' ? await (await import('./lms/startLms')).startLms(window, catalog) : null;
  const database = lms ? readyDatabase(lms.db) : standaloneDatabase;
  // Pages load their words before they render; those requests wait for i18next itself.
  const i18nCreated = loadCoreNamespaces(language).then((core) =>
    createI18n(language, { [language]: core }, { document, storage }),
  );
  const loadWords = (namespaces: string[]) =>
    // An unknown module has no words; its page says it was not found.
    i18nCreated.then((i18n) => i18n.loadNamespaces(namespaces)).catch(() => undefined);
  const router = createAppRouter(
    { catalog, database, now: () => Date.now(), loadWords },
    lms ? createHashHistory() : undefined,
  );
  preloadFirstPage(router, language, database);
  const i18n = await i18nCreated;
  const LmsNotice = lms ? (await import('./lms/LmsNotice')).LmsNotice : null;
  const root = document.getElementById('root') as HTMLElement;
  const app = (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {LmsNotice && lms && <LmsNotice problem={lms.problem} />}
        <RouterProvider router={router} />
      </I18nextProvider>
    </StrictMode>
  );
  // The page's first screen was prerendered (src/app/prerender/): once the router has loaded the
  // page's code and words, React takes over that HTML as it stands, so nothing on screen moves.
  // HTML made for another address or language is replaced instead.
  if (!lms && matchesPrerendered(prerenderedOf(root), window.location, language)) {
    await router.load();
    // Renders the matched pages as the server did (TanStack Router wraps them in one more Suspense
    // boundary when it is not hydrating server HTML). There is no dehydrated state: the router has
    // loaded the page itself, just now.
    router.ssr = { manifest: undefined };
    // Marked once hydrated, for the end-to-end test (tests/e2e/prerender.spec.ts).
    hydrateRoot(root, <Hydrated root={root}>{app}</Hydrated>);
  } else {
    // The HTML on screen is replaced, so what was pressed on it is not pressed again.
    const presses = earlyPresses();
    if (presses) presses.done = true;
    createRoot(root).render(app);
  }
}

if (!leaving) void start();
