// What the offline copy holds, in what order, and what waits until it is first used. Read by the
// VitePWA section of vite.config.ts at build time; kept here, beside the code that registers the
// service worker, so the whole offline design is in one folder.
import type { ManifestTransform, RuntimeCaching } from 'workbox-build';
import course from '../../../modules/course.json' with { type: 'json' };

/**
 * The certificate PDF's code (pdf-lib and fontkit, in the one chunk Rolldown
 * names after src/certificates/certificatePdf.ts, its dynamic-import entry) and the two fonts only
 * the PDF embeds. Together about half a megabyte gzipped that most learners need once, so they are
 * left out of the precache and kept on first use instead. Matched by name, never by hash. A manual
 * codeSplitting group is not used to name the chunk: it would pull in qrcode, which the on-screen
 * certificate shares, and make that page depend on the PDF chunk.
 */
export const CERTIFICATE_PDF_FILES = ['assets/certificatePdf-*.js', 'assets/AtkinsonHyperlegibleNext_*.ttf'];

/** The runtime cache that keeps the PDF files once fetched. */
export const CERTIFICATE_PDF_CACHE = 'heard-certificate-pdf';

/**
 * Fetched from the network the first time a learner makes a PDF, then served from the cache, even
 * offline. Same-origin only. Workbox serialises this function into sw.js, so it must not refer to
 * anything outside itself.
 */
export const certificatePdfRuntimeCaching: RuntimeCaching = {
  urlPattern: ({ url, sameOrigin }) =>
    sameOrigin &&
    /\/assets\/(?:certificatePdf-[\w-]+\.js|AtkinsonHyperlegibleNext_\w+-[\w-]+\.ttf)$/.test(url.pathname),
  handler: 'CacheFirst',
  options: {
    cacheName: CERTIFICATE_PDF_CACHE,
    // Each release names these files afresh; keep the newest few, not every version ever fetched.
    expiration: { maxEntries: 6 },
    cacheableResponse: { statuses: [200] },
  },
};

/**
 * The Open Badges code (the Verifiable Credentials libraries: JSON-LD, RDF canonicalisation and the
 * two cryptosuites, in the chunk named after src/certificates/openBadge.ts, its dynamic-import
 * entry). Only a trainer saving a badge or someone checking one needs it, so like the PDF it is left
 * out of the precache and kept on first use; offline before that, the page says it needs a connection.
 */
export const OPEN_BADGE_FILES = ['assets/openBadge-*.js'];

export const OPEN_BADGE_CACHE = 'heard-open-badge';

/** Fetched the first time a badge is made or checked, then served from the cache, even offline. */
export const openBadgeRuntimeCaching: RuntimeCaching = {
  urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/openBadge-[\w-]+\.js$/.test(url.pathname),
  handler: 'CacheFirst',
  options: {
    cacheName: OPEN_BADGE_CACHE,
    expiration: { maxEntries: 3 },
    cacheableResponse: { statuses: [200] },
  },
};

/** The app shell: the page, its entry script and styles, the web fonts the page uses. */
const SHELL =
  /^(?:index\.html|app\.html|manifest\.webmanifest|favicon\.svg|assets\/(?:index|rolldown-runtime)-[\w-]+\.(?:js|css)|assets\/.+\.woff2)$/;
/** The code a lesson needs after the shell, and the words every page uses. */
const LESSON_PATH =
  /^assets\/(?:LessonPage|ModuleOverviewPage|services|useTranslation|useLocation|contentSchema|storedProgress|database|ui|catalogue|language)-[\w-]+\.js$/;

function rank(url: string): number {
  if (SHELL.test(url)) return 0;
  if (LESSON_PATH.test(url)) return 1;
  // Each module's words (both languages), in the order the course lists the modules.
  const moduleIndex = course.modules.findIndex((id) => new RegExp(`^assets/${id}-[\\w-]+\\.js$`).test(url));
  if (moduleIndex >= 0) return 2 + moduleIndex;
  return 2 + course.modules.length;
}

/**
 * Workbox stores precached files one at a time, in manifest order, and takes hashed files from the
 * browser's HTTP cache when it can. It cannot reorder by the page that is open, so the order is
 * fixed at build time: the shell, the lesson code and shared words, then each module's words in
 * course order, then the rest (trainer, sources, settings pages). The module the learner is on has
 * already been loaded by the page, so Workbox takes it from the HTTP cache while that still holds it.
 */
export const orderPrecache: ManifestTransform = (entries) => ({
  manifest: entries
    .map((entry, index) => ({ entry, index, rank: rank(entry.url) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ entry }) => entry),
  warnings: [],
});
