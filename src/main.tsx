import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from '@tanstack/react-router';
import { I18nextProvider } from 'react-i18next';
import { createAppRouter } from './app/router';
import { preloadFirstPage } from './app/preloadFirstPage';
import { createI18n, initialLanguage, loadCoreNamespaces } from './app/i18n';
import { loadCatalog } from './content/catalog';
import { lazyDatabase } from './app/services';
import { guardAgainstReturnAfterExit } from './features/safety/quickExit';
import { applyDisplaySettings, readDisplaySettings } from './features/settings/displaySettings';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.css';

const leaving = guardAgainstReturnAfterExit();
applyDisplaySettings(readDisplaySettings());
/** Reading localStorage itself throws where storage is blocked. */
function localStorageIfAllowed(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const storage = localStorageIfAllowed();

const database = lazyDatabase('heard', async (name) => new (await import('./storage/database')).HeardDatabase(name));

async function start() {
  // Any page but the dashboard needs the database: fetch it alongside the interface words.
  if (window.location.pathname !== '/') void database.load();
  const language = initialLanguage(window.location.search, storage);
  const router = createAppRouter({ catalog: loadCatalog(), database, now: () => Date.now() });
  preloadFirstPage(router, language);
  const i18n = createI18n(language, { [language]: await loadCoreNamespaces(language) }, { document, storage });
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </StrictMode>,
  );
}

if (!leaving) void start();
