import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashHistory, RouterProvider } from '@tanstack/react-router';
import { I18nextProvider } from 'react-i18next';
import { createAppRouter } from './app/router';
import { preloadFirstPage } from './app/preloadFirstPage';
import { createI18n, initialLanguage, loadCoreNamespaces } from './app/i18n';
import { loadCatalog } from './content/catalog';
import { organisation } from './organisation/organisation';
import { lazyDatabase, readyDatabase } from './app/services';
import { localStorageIfAllowed, noStorage } from './storage/webStorage';
import { guardAgainstReturnAfterExit } from './features/safety/quickExit';
import { applyDisplaySettings, readDisplaySettings } from './features/settings/displaySettings';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.css';

// Where the browser blocks site data, reading storage throws: every access goes through the safe
// getters, so the course still renders and says its progress will not be kept.
const storage = localStorageIfAllowed();
const leaving = guardAgainstReturnAfterExit();
applyDisplaySettings(readDisplaySettings(storage ?? noStorage));

const standaloneDatabase = lazyDatabase(
  'heard',
  async (name) => new (await import('./storage/database')).HeardDatabase(name),
);

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
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {LmsNotice && lms && <LmsNotice problem={lms.problem} />}
        <RouterProvider router={router} />
      </I18nextProvider>
    </StrictMode>,
  );
}

if (!leaving) void start();
