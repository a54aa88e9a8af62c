// Heard served the way an organisation serves it: dist/ through Debian's nginx, Apache and Caddy on
// loopback, each with the configuration shipped in deploy/. Checks the headers, deep links, offline
// use after a first visit, and that a page on another local origin cannot frame the course (while
// an LMS origin named when the configuration is written can).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { renderConfigs } from '../../deploy/renderConfigs.mjs';
import { headerContentSecurityPolicy, IMMUTABLE, PERMISSIONS_POLICY } from '../../deploy/securityHeaders.mjs';
import { loadModule } from './course';
import {
  findApache,
  findCaddy,
  findNginx,
  freePort,
  startApache,
  startCaddy,
  startNginx,
  type RunningServer,
} from './webServers';

const DIST = resolve('dist');
const { courseModule, words } = loadModule('adultification');
const MODULE_PATH = `/modules/${courseModule.id}`;
const LESSON_PATH = `${MODULE_PATH}/lessons/${courseModule.lessons[0].id}`;

interface Deployment {
  /** The server's name, and the Debian package scripts/install-browser.sh installs it from. */
  name: string;
  debianPackage: string;
  program: string | undefined;
  /** Starts two sites: the shipped configuration, and one written for an LMS at `lmsOrigin`. */
  start: (program: string, ports: [number, number], lmsOrigin: string) => Promise<RunningServer>;
}

const shipped = (path: string) => readFileSync(resolve('deploy', path), 'utf8');
// What `npm run deploy:config -- --frame-ancestors <LMS> --out <folder>` writes.
const forLms = (lmsOrigin: string, path: string) => renderConfigs({ frameAncestors: [lmsOrigin] })[path] as string;

const deployments: Deployment[] = [
  {
    name: 'nginx',
    debianPackage: 'nginx',
    program: findNginx(),
    start: async (program, [sitePort, lmsPort], lmsOrigin) => {
      const folder = mkdtempSync(join(tmpdir(), 'heard-lms-rules-'));
      writeFileSync(join(folder, 'heard-site.conf'), forLms(lmsOrigin, 'nginx/heard-site.conf'));
      const running = await startNginx(program, DIST, [
        { port: sitePort, siteRules: resolve('deploy/nginx/heard-site.conf') },
        { port: lmsPort, siteRules: join(folder, 'heard-site.conf') },
      ]);
      return {
        ...running,
        stop: async () => {
          await running.stop();
          rmSync(folder, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'Apache',
    debianPackage: 'apache2',
    program: findApache(),
    start: (program, [sitePort, lmsPort], lmsOrigin) =>
      startApache(program, DIST, [
        { port: sitePort, htaccess: shipped('apache/.htaccess') },
        { port: lmsPort, htaccess: forLms(lmsOrigin, 'apache/.htaccess') },
      ]),
  },
  {
    name: 'Caddy',
    debianPackage: 'caddy',
    program: findCaddy(),
    start: (program, [sitePort, lmsPort], lmsOrigin) =>
      startCaddy(program, DIST, [
        { port: sitePort, caddyfile: shipped('caddy/Caddyfile') },
        { port: lmsPort, caddyfile: forLms(lmsOrigin, 'caddy/Caddyfile') },
      ]),
  },
];

for (const deployment of deployments) {
  test.describe(`served by ${deployment.name} with the shipped configuration`, () => {
    test.skip(
      !deployment.program,
      `${deployment.name} is not installed: run \`bash scripts/install-browser.sh\` (Debian package ${deployment.debianPackage})`,
    );
    let server: RunningServer;
    let framer: Server;
    /** The site as shipped: nobody may frame it. */
    let site = '';
    /** The same files with the rules written for an LMS at the framer's origin. */
    let lmsSite = '';
    let framerOrigin = '';

    test.beforeAll(async () => {
      const [sitePort, lmsPort, framerPort] = [await freePort(), await freePort(), await freePort()];
      framerOrigin = `http://127.0.0.1:${framerPort}`;
      server = await deployment.start(deployment.program as string, [sitePort, lmsPort], framerOrigin);
      site = `http://127.0.0.1:${sitePort}`;
      lmsSite = `http://127.0.0.1:${lmsPort}`;
      // Another local origin: a page that frames whatever ?src= names.
      framer = createServer((request, response) => {
        const src = new URL(request.url ?? '/', framerOrigin).searchParams.get('src') ?? '';
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(
          `<!doctype html><html lang="en"><head><title>Another site</title></head><body><h1>Another site</h1>` +
            `<iframe title="Framed course" src="${src}" style="width:900px;height:600px"></iframe></body></html>`,
        );
      });
      await new Promise<void>((listening) => framer.listen(framerPort, '127.0.0.1', () => listening()));
    });

    test.afterAll(async () => {
      await server?.stop();
      await new Promise((closed) => (framer ? framer.close(closed) : closed(undefined)));
    });

    test('every response carries the security headers, and the policy is the build’s own plus frame-ancestors', async () => {
      const home = await fetch(`${site}/`);
      const html = await home.text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/
        .exec(html)?.[1]
        ?.replaceAll('&#39;', "'");
      expect(meta, 'the built page carries its policy').toBeTruthy();
      expect(home.headers.get('content-security-policy')).toBe(`${meta}; frame-ancestors 'none'`);
      expect(home.headers.get('content-security-policy')).toBe(headerContentSecurityPolicy());

      const asset = readdirSync(join(DIST, 'assets')).find((name) => name.endsWith('.js'));
      for (const path of ['/', '/index.html', '/sw.js', MODULE_PATH, `/assets/${asset}`, '/manifest.webmanifest']) {
        const response = await fetch(`${site}${path}`);
        expect(response.status, path).toBe(200);
        const header = (name: string) => response.headers.get(name);
        expect(header('content-security-policy'), path).toBe(headerContentSecurityPolicy());
        expect(header('x-content-type-options'), path).toBe('nosniff');
        expect(header('referrer-policy'), path).toBe('no-referrer');
        expect(header('permissions-policy'), path).toBe(PERMISSIONS_POLICY);
        expect(header('x-frame-options'), path).toBe('DENY');
        expect(header('strict-transport-security'), path).toMatch(/^max-age=\d{7,}/);
        expect(header('cache-control'), path).toBe(path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      }
      const manifest = await fetch(`${site}/manifest.webmanifest`);
      expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
      const script = await fetch(`${site}/assets/${asset}`);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
    });

    test('a missing asset is a 404, never the app served as script', async () => {
      const response = await fetch(`${site}/assets/no-such-chunk-abc123.js`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(headerContentSecurityPolicy());
    });

    test('deep links are served the app, which opens the right page, and survive a reload', async ({ page }) => {
      // A prerendered page comes with its own first screen, in the language ?lang= asks for; any
      // other address gets the app shell, which renders the page itself.
      for (const [path, rendered] of [
        [MODULE_PATH, `data-prerendered="${MODULE_PATH}"`],
        [LESSON_PATH, `data-prerendered="${LESSON_PATH}"`],
        [`${LESSON_PATH}?lang=cy`, `data-prerendered="${LESSON_PATH}?lang=cy"`],
        ['/?lang=cy', 'data-prerendered="/?lang=cy"'],
        ['/support', 'data-prerendered="/support"'],
        ['/trainer', '<div id="root"></div>'],
        ['/no-such-page', '<div id="root"></div>'],
      ]) {
        const response = await fetch(`${site}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
        expect(response.headers.get('content-security-policy'), path).toBe(headerContentSecurityPolicy());
        expect(await response.text(), path).toContain(rendered);
      }
      const lessonHtml = await (await fetch(`${site}${LESSON_PATH}`)).text();
      expect(lessonHtml).toContain(`>${words[`${courseModule.lessons[0].id}.title`]}</h1>`);
      await page.goto(`${site}${MODULE_PATH}`);
      await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
      await page.goto(`${site}/support`);
      await expect(page.getByRole('heading', { level: 1, name: 'Get support' })).toBeVisible();
    });

    test('a page on another origin cannot frame the course', async ({ page }) => {
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/frame-ancestors/.test(message.text())) refused.push(message.text());
      });
      await page.goto(`${framerOrigin}/?src=${encodeURIComponent(`${site}/`)}`);
      await expect(page.getByRole('heading', { name: 'Another site' })).toBeVisible();
      await expect.poll(() => refused.length, { message: 'Chromium reports the refused frame' }).toBeGreaterThan(0);
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      await expect.poll(() => frame?.url()).not.toContain(site);
      await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Your training' })).toHaveCount(0);
    });

    test('written for an LMS origin, the configuration lets that LMS frame the course', async ({ page }) => {
      const response = await fetch(`${lmsSite}/`);
      expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${framerOrigin}`);
      expect(response.headers.get('x-frame-options')).toBeNull();
      await page.goto(`${framerOrigin}/?src=${encodeURIComponent(`${lmsSite}/`)}`);
      await expect(page.frameLocator('iframe').getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
    });

    test('after a first visit the course works offline, deep links included', async ({ page, context }) => {
      await page.goto(`${site}/`);
      await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
      await waitForServiceWorker(page);
      await context.setOffline(true);
      try {
        await page.reload();
        await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
        await page.goto(`${site}${LESSON_PATH}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.goto(`${site}${MODULE_PATH}`);
        await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
        await page.goto(`${site}/neutral.html`);
        await expect(page.getByRole('heading', { level: 1, name: 'Easy vegetable soup' })).toBeVisible();
      } finally {
        await context.setOffline(false);
      }
    });
  });
}

async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    }
  });
}
