// The server side of prerendering, built by Vite's SSR build during `vite build` (see
// prerenderPlugin.ts) and never part of the client bundle. It renders a page's first screen as a new
// learner sees it: the real router on a memory history, the real pages, the shipped words, and an
// empty database (fake-indexeddb), so no progress shows.
import 'fake-indexeddb/auto';
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { I18nextProvider } from 'react-i18next';
import { createAppRouter } from '../router';
import { createI18n, loadCoreNamespaces, SHIPPED_LANGUAGES, type Language } from '../i18n';
import { lazyDatabase } from '../services';
import { loadCatalog } from '../../content/catalog';
import { organisation } from '../../organisation/organisation';
import { prerenderPlan, type PrerenderedPage } from './prerenderRoutes';

/** The language a page without ?lang= is in: the organisation's, or English. */
export const defaultLanguage: Language = organisation?.defaultLanguage ?? 'en';

export function plan(): PrerenderedPage[] {
  return prerenderPlan(loadCatalog(), SHIPPED_LANGUAGES, defaultLanguage);
}

export interface RenderedPage {
  /** The markup that goes inside <div id="root">. */
  html: string;
  /** False when the address did not render its page (a loader threw, or nothing matched). */
  ok: boolean;
}

/** Renders one address in one language, as main.tsx would on a device that has saved nothing. */
export async function renderPage(address: string, language: Language, now: number): Promise<RenderedPage> {
  const i18n = createI18n(language, { [language]: await loadCoreNamespaces(language) });
  const database = lazyDatabase(
    `heard-prerender-${address}-${language}`,
    async (name) => new (await import('../../storage/database')).HeardDatabase(name),
  );
  const router = createAppRouter(
    {
      catalog: loadCatalog(),
      database,
      now: () => now,
      loadWords: (namespaces) => i18n.loadNamespaces(namespaces),
    },
    createMemoryHistory({ initialEntries: [address] }),
  );
  // Scroll restoration would write an inline script into the page, which the policy forbids; the
  // browser's own restoration serves a page that has only just loaded.
  router.update({ ...router.options, scrollRestoration: false });
  await router.load();
  const ok = router.state.matches.every(
    (match) => match.status === 'success' && !(match as { globalNotFound?: boolean }).globalNotFound,
  );
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </StrictMode>,
    // Never split a large page (the sources list) into parts joined by inline scripts, which the
    // policy forbids: each page is one piece of HTML.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  database.loaded()?.close();
  return { html: Buffer.concat(chunks).toString('utf8'), ok };
}
