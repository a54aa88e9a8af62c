import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy, headerContentSecurityPolicy } from './deploy/securityHeaders.mjs';
import { organisationPlugin } from './src/organisation/organisationPlugin';
import { APP_SHELL, prerenderPlugin } from './src/app/prerender/prerenderPlugin';
import { NOT_PRECACHED_PAGES } from './src/app/prerender/prerenderRoutes';
import {
  CERTIFICATE_PDF_FILES,
  certificatePdfRuntimeCaching,
  OPEN_BADGE_FILES,
  openBadgeRuntimeCaching,
  orderPrecache,
} from './src/features/offline/precachePlan.js';

// The policy comes from deploy/securityHeaders.mjs, the one source the server configurations in
// deploy/ are written from too. The build carries it as a meta tag (for any host); the preview
// server also sends it as a header, with frame-ancestors, which a meta tag cannot set.
/**
 * The organisation's LRS, which the trainer area reads the cohort from (HEARD_TRAINER_LRS, one or
 * more addresses, at build time). A meta CSP covers the whole single-page app, so this one origin
 * is allowed app-wide; only the trainer area's code ever connects to it (README, "For LMS administrators").
 */
const trainerLrsOrigins = () =>
  (process.env.HEARD_TRAINER_LRS ?? '')
    .split(' ')
    .filter(Boolean)
    .map((address) => new URL(address).origin);
const CONTENT_SECURITY_POLICY = contentSecurityPolicy(trainerLrsOrigins());

/**
 * `vite build --mode lms` makes the copy that runs inside an LMS frame (see scripts/package-scorm.mjs):
 * relative paths, hash history, no service worker. An administrator's xAPI endpoint, given at
 * package time (or a cmi5 LMS's LRS, given with --allow-connect), is the one other place it may connect to.
 */
function xapiEndpointOrigin(mode: string): string[] {
  if (mode !== 'lms') return [];
  const addresses = [process.env.VITE_HEARD_XAPI_ENDPOINT, ...(process.env.HEARD_ALLOW_CONNECT ?? '').split(' ')];
  return addresses.filter((address): address is string => Boolean(address)).map((address) => new URL(address).origin);
}

function contentSecurityPolicyMeta(policy: string): Plugin {
  return {
    name: 'heard-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Where Exit this page goes, if not the neutral page (src/features/safety/exitDestination.ts): an
 * https:// address given as HEARD_QUICK_EXIT_URL when building. Anything else stops the build.
 */
export function quickExitUrl(value = process.env.HEARD_QUICK_EXIT_URL ?? ''): string {
  if (!value) return '';
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // Reported below.
  }
  if (url?.protocol !== 'https:') {
    throw new Error(
      `HEARD_QUICK_EXIT_URL must be a whole https:// address, such as https://www.bbc.co.uk/weather, not "${value}"`,
    );
  }
  return url.href;
}

export default defineConfig(({ mode }) => ({
  base: mode === 'lms' ? './' : '/',
  define: { __HEARD_QUICK_EXIT_URL__: JSON.stringify(quickExitUrl()) },
  plugins: [
    react(),
    // HEARD_ORGANISATION=path/to/organisation.json: the deploying organisation's name, address and trust.
    organisationPlugin(),
    // Every page's first screen as HTML in dist/, rendered with the same plugins (src/app/prerender/).
    prerenderPlugin(() => [react(), organisationPlugin()]),
    contentSecurityPolicyMeta(
      mode === 'lms' ? contentSecurityPolicy(xapiEndpointOrigin(mode)) : CONTENT_SECURITY_POLICY,
    ),
    // Precaches the app, every module and locale and the page's fonts, so the course works offline;
    // the certificate PDF's code and fonts are kept on first use (src/features/offline/precachePlan.ts).
    VitePWA({
      // An LMS frame gets no service worker: the LMS decides what is cached and when.
      disable: mode === 'lms',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'neutral.html', 'neutral.css', 'robots.txt'],
      manifest: {
        name: 'Heard: professional learning',
        short_name: 'Heard',
        description: 'Safeguarding training that works offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d3557',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // No .woff: every browser with service workers reads the .woff2 beside it.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2,ttf,txt}'],
        globIgnores: [
          ...[...CERTIFICATE_PDF_FILES, ...OPEN_BADGE_FILES].map((file) => `**/${file}`),
          ...NOT_PRECACHED_PAGES,
        ],
        manifestTransforms: [orderPrecache],
        runtimeCaching: [certificatePdfRuntimeCaching, openBadgeRuntimeCaching],
        // A navigation the precache does not answer (a deep link, or a page in another language
        // than the precached dashboard's) gets the app shell, which renders the page itself; only
        // a prerendered page's own address ever gets that page's HTML, so main.tsx never hydrates
        // the wrong page (src/app/prerender/).
        navigateFallback: `/${APP_SHELL}`,
        // The first install controls the open page at once, so a learner can go offline straight away;
        // later versions still wait (no skipWaiting) until the learner chooses to update.
        clientsClaim: true,
        navigateFallbackDenylist: [/^\/neutral\.html$/],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    // The end-to-end tests frame the course from this origin (a test LMS page). The header names the
    // trainer's LRS too (HEARD_TRAINER_LRS), as a deployment's would (deploy/write-configs.mjs
    // --connect-src): a browser enforces both policies, so the meta tag's alone would not do.
    headers: {
      'Content-Security-Policy': headerContentSecurityPolicy({
        connectTo: trainerLrsOrigins(),
        frameAncestors: ["'self'"],
      }),
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  build: { chunkSizeWarningLimit: 700, outDir: mode === 'lms' ? 'dist-lms' : 'dist' },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
  },
}));
