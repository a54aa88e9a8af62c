// Renders the whole app at a URL with a test catalog, a fresh database and a fixed clock.
import { StrictMode } from 'react';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createAppRouter } from '../../src/app/router';
import { createI18n } from '../../src/app/i18n';
import { readyDatabase, type LazyDatabase } from '../../src/app/services';
import { localeResources } from '../fixtures/localeResources';
import type { Catalog } from '../../src/content/catalog';
import { HeardDatabase } from '../../src/storage/database';
import { practiceModule, practiceSources, practiceStrings } from '../fixtures/practiceModule';

let databaseCount = 0;

export const practiceCatalog: Catalog = {
  modules: [practiceModule],
  sources: practiceSources,
  mythIds: [
    'shes-streetwise',
    'language-does-not-matter',
    'wait-for-disclosure',
    'another-agencys-job',
    'no-complaint-no-case',
  ],
  languageTerms: [{ id: 'sexually-active', match: ['sexually active'], sources: ['S1'] }],
};

export function freshDatabase(): HeardDatabase {
  return new HeardDatabase(`app-test-${++databaseCount}-${Math.random()}`);
}

export function renderApp(
  path: string,
  options: {
    db?: HeardDatabase;
    /** Overrides how the database loads, e.g. one that never does. */
    database?: LazyDatabase;
    catalog?: Catalog;
    strings?: Record<string, Record<string, string>>;
    /** Watches which namespaces of words the routes load before their pages. */
    loadWords?: (namespaces: string[]) => Promise<unknown>;
    /** Renders under React's StrictMode, which runs effects twice, as the app does in development. */
    strict?: boolean;
  } = {},
) {
  const db = options.db ?? freshDatabase();
  const i18n = createI18n('en', { en: localeResources().en });
  const { title, description, ...practiceWords } = practiceStrings;
  i18n.addResourceBundle('en', 'practice', practiceWords);
  i18n.addResourceBundle('en', 'catalogue', { 'practice.title': title, 'practice.description': description }, true);
  for (const [namespace, strings] of Object.entries(options.strings ?? {}))
    i18n.addResourceBundle('en', namespace, strings);
  const router = createAppRouter(
    {
      catalog: options.catalog ?? practiceCatalog,
      database: options.database ?? readyDatabase(db),
      now: () => 1_750_000_000_000,
      loadWords: options.loadWords,
    },
    createMemoryHistory({ initialEntries: [path] }),
  );
  const app = (
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>
  );
  const view = render(options.strict ? <StrictMode>{app}</StrictMode> : app);
  return { ...view, db, router };
}
