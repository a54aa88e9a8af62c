// Which addresses are prerendered at build time (src/app/prerender/prerenderPlugin.ts), and the file
// each one is written to in dist/. Pure: the list comes from the catalog, so a new module or lesson
// gets its page without anyone listing it.
// Imports nothing at run time, so vite.config.ts can read it too.
import type { Catalog } from '../../content/catalog';
import type { Language } from '../i18n';

/** Pages whose first screen is the same for every new learner, so it can be written once. */
export const STATIC_PAGES = [
  '/about',
  '/support',
  '/safety',
  '/sources',
  '/accessibility',
  '/verify',
  '/certificates',
  '/settings',
  '/profile',
] as const;

/** Every address whose first screen is prerendered: the dashboard, each module, each lesson's first step, the static pages. */
export function prerenderPaths(catalog: Pick<Catalog, 'modules'>): string[] {
  const modulePaths = catalog.modules.flatMap((courseModule) => [
    `/modules/${courseModule.id}`,
    ...courseModule.lessons.map((lesson) => `/modules/${courseModule.id}/lessons/${lesson.id}`),
  ]);
  return ['/', ...modulePaths, ...STATIC_PAGES];
}

/**
 * The file a page is written to. The organisation's default language (English for the national
 * course) is `<path>.html` (`index.html` for the dashboard), which every static host serves for
 * `<path>`; each other language is `<path>.<lang>.html`, which the server configurations in deploy/
 * serve for `<path>?lang=<lang>`. Nothing is a folder's index.html, so no host redirects `/modules/x`
 * to `/modules/x/`.
 */
export function prerenderFile(path: string, language: Language, defaultLanguage: Language): string {
  const base = path === '/' ? 'index' : path.slice(1);
  return language === defaultLanguage ? `${base}.html` : `${base}.${language}.html`;
}

/** The address a page is rendered at: the default language's without ?lang=, every other with it. */
export function prerenderAddress(path: string, language: Language, defaultLanguage: Language): string {
  return language === defaultLanguage ? path : `${path}?lang=${language}`;
}

export interface PrerenderedPage {
  path: string;
  language: Language;
  address: string;
  file: string;
}

/**
 * The prerendered files the service worker does not precache: a learner offline gets the app
 * shell for these addresses (which renders the page), so the offline copy does not download every
 * page twice in every language. The default language's dashboard (index.html) is precached.
 */
export const NOT_PRECACHED_PAGES = [
  'modules/**/*.html',
  'modules/*.html',
  '*.*.html',
  ...STATIC_PAGES.map((path) => `${path.slice(1)}.html`),
];

/** Every page in every shipped language. */
export function prerenderPlan(
  catalog: Pick<Catalog, 'modules'>,
  languages: readonly Language[],
  defaultLanguage: Language = 'en',
): PrerenderedPage[] {
  return prerenderPaths(catalog).flatMap((path) =>
    languages.map((language) => ({
      path,
      language,
      address: prerenderAddress(path, language, defaultLanguage),
      file: prerenderFile(path, language, defaultLanguage),
    })),
  );
}

/**
 * The file a host serves for an address, as deploy/'s server configurations say it: the page in the
 * language ?lang= asks for where there is a copy, else the page, else a file that exists as it is
 * (undefined: serve it), else the app shell. Used by `vite preview`; the nginx e2e test checks nginx
 * does the same.
 */
export function servedFile(
  pathname: string,
  lang: string | null,
  exists: (file: string) => boolean,
): string | undefined {
  if (pathname.startsWith('/assets/')) return undefined;
  const base = pathname === '/' ? 'index' : pathname.slice(1).replace(/\/+$/, '');
  const candidates = [...(lang === 'en' || lang === 'cy' ? [`${base}.${lang}.html`] : []), `${base}.html`];
  const page = candidates.find((file) => !file.includes('..') && exists(file));
  if (page) return page;
  if (pathname !== '/' && exists(pathname.slice(1))) return undefined;
  return 'app.html';
}
