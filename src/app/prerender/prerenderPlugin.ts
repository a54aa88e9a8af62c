// Vite plugin: after the client build, builds src/app/prerender/entryServer.tsx with Vite's SSR
// build (into node_modules/.heard-prerender, never into dist/) and writes every page's first screen
// into dist/ as its own HTML file (the list: prerenderRoutes.ts). Also writes dist/app.html, the
// page with no prerendered screen, which hosts and the service worker serve for every other
// address. The LMS build is left client-rendered (hash history: one page for every address).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';
import { PRERENDER_HEAD_SCRIPT } from '../../../deploy/securityHeaders.mjs';
import type * as EntryServer from './entryServer';
import { servedFile } from './prerenderRoutes';

/** The page the app starts from when nothing was prerendered for an address. */
export const APP_SHELL = 'app.html';

const ROOT = '<div id="root"></div>';
/** The head script goes after the policy and the charset, before anything else. */
const CHARSET = '<meta charset="UTF-8" />';

/** The escaped value of an HTML attribute. */
const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * The built index.html with a page's markup in #root, its language on <html>, and the head script
 * (deploy/securityHeaders.mjs) early in <head>. `data-prerendered` names the address it was
 * rendered at; main.tsx hydrates only when the browser is at that address in that language.
 */
export function prerenderedHtml(template: string, page: { address: string; language: string; html: string }): string {
  for (const needed of [ROOT, CHARSET])
    if (!template.includes(needed)) throw new Error(`The built index.html has no ${needed} to prerender into`);
  return template
    .replace(/<html lang="[^"]*"/, `<html lang="${attribute(page.language)}"`)
    .replace(CHARSET, `${CHARSET}\n    <script>${PRERENDER_HEAD_SCRIPT}</script>`)
    .replace(
      ROOT,
      `<div id="root" data-prerendered="${attribute(page.address)}" data-prerendered-lang="${attribute(page.language)}">${page.html}</div>`,
    );
}

/** The service worker is registered only in the browser, after the first page (src/features/offline/). */
function noServiceWorker(): Plugin {
  const id = 'virtual:pwa-register';
  return {
    name: 'heard-prerender-no-service-worker',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? 'export const registerSW = () => async () => {};' : undefined),
  };
}

export function prerenderPlugin(ssrPlugins: () => PluginOption[]): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'heard-prerender',
    // The build writes the pages; `vite preview` serves them.
    apply: (_config, { command, isPreview }) => command === 'build' || isPreview === true,
    configResolved(resolved) {
      config = resolved;
    },
    // `vite preview` serves dist/ as the server configurations in deploy/ do.
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      const isFile = (file: string) => existsSync(join(outDir, file)) && statSync(join(outDir, file)).isFile();
      server.middlewares.use((request, _response, next) => {
        // Only a build that was prerendered (not the LMS build) has the app shell.
        if (isFile(APP_SHELL) && (request.method === 'GET' || request.method === 'HEAD') && request.url) {
          const url = new URL(request.url, 'http://preview.invalid');
          const file = servedFile(decodeURIComponent(url.pathname), url.searchParams.get('lang'), isFile);
          if (file) request.url = `/${file}${url.search}`;
        }
        next();
      });
    },
    // Before vite-plugin-pwa's closeBundle, so the service worker's precache list sees these files.
    closeBundle: {
      sequential: true,
      order: 'pre',
      async handler() {
        if (config.build.ssr || config.mode === 'lms') return;
        const outDir = resolve(config.root, config.build.outDir);
        const serverDir = resolve(config.root, 'node_modules/.heard-prerender');
        rmSync(serverDir, { recursive: true, force: true });
        await build({
          configFile: false,
          root: config.root,
          mode: config.mode,
          logLevel: 'warn',
          define: config.define,
          plugins: [...ssrPlugins(), noServiceWorker()],
          build: {
            ssr: resolve(config.root, 'src/app/prerender/entryServer.tsx'),
            outDir: serverDir,
            emptyOutDir: true,
            rollupOptions: { output: { entryFileNames: 'entryServer.mjs', format: 'es' } },
          },
        });
        const entry = (await import(pathToFileURL(join(serverDir, 'entryServer.mjs')).href)) as typeof EntryServer;
        const template = readFileSync(join(outDir, 'index.html'), 'utf8');
        writeFileSync(join(outDir, APP_SHELL), template);
        const now = Date.now();
        for (const page of entry.plan()) {
          const rendered = await entry.renderPage(page.address, page.language, now);
          if (!rendered.ok) throw new Error(`Prerendering ${page.address} did not render its page`);
          const file = join(outDir, page.file);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, prerenderedHtml(template, { ...page, html: rendered.html }));
        }
        rmSync(serverDir, { recursive: true, force: true });
        config.logger.info(`prerendered ${entry.plan().length} pages into ${config.build.outDir}/`);
      },
    },
  };
}
