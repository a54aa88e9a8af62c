// The list of prerendered pages comes from the catalog, so every module and lesson gets its file,
// and the file a host serves for an address follows the server configurations in deploy/.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog';
import { SHIPPED_LANGUAGES } from '../../src/app/i18n';
import { prerenderFile, prerenderPlan, servedFile, STATIC_PAGES } from '../../src/app/prerender/prerenderRoutes';
import { matchesPrerendered, prerenderedOf } from '../../src/app/prerender/hydration';
import { prerenderedHtml } from '../../src/app/prerender/prerenderPlugin';
import {
  PRERENDER_HEAD_SCRIPT,
  PRERENDER_HEAD_SCRIPT_HASH,
  contentSecurityPolicy,
} from '../../deploy/securityHeaders.mjs';
import { createHash } from 'node:crypto';

const catalog = loadCatalog();

describe('the prerendered pages', () => {
  const plan = prerenderPlan(catalog, SHIPPED_LANGUAGES);

  it('include the dashboard, every module, every lesson and the static pages, in every shipped language', () => {
    const expected = [
      '/',
      ...catalog.modules.flatMap((courseModule) => [
        `/modules/${courseModule.id}`,
        ...courseModule.lessons.map((lesson) => `/modules/${courseModule.id}/lessons/${lesson.id}`),
      ]),
      ...STATIC_PAGES,
    ];
    for (const language of SHIPPED_LANGUAGES)
      expect(plan.filter((page) => page.language === language).map((page) => page.path)).toEqual(expected);
    expect(catalog.modules.length).toBeGreaterThan(0);
  });

  it('give every page its own file, the default language unsuffixed and the other with ?lang=', () => {
    expect(new Set(plan.map((page) => page.file)).size).toBe(plan.length);
    expect(prerenderFile('/', 'en', 'en')).toBe('index.html');
    expect(prerenderFile('/', 'cy', 'en')).toBe('index.cy.html');
    expect(prerenderFile('/modules/adultification', 'cy', 'en')).toBe('modules/adultification.cy.html');
    expect(prerenderFile('/about', 'cy', 'cy')).toBe('about.html');
    const welshLesson = plan.find((page) => page.language === 'cy' && page.path.includes('/lessons/'));
    expect(welshLesson?.address).toBe(`${welshLesson?.path}?lang=cy`);
  });
});

describe('the file a host serves', () => {
  const files = new Set(['index.html', 'index.cy.html', 'modules/x.html', 'modules/x.cy.html', 'sw.js', 'app.html']);
  const exists = (file: string) => files.has(file);

  it('is the page in the language asked for, else the page, else a real file, else the app shell', () => {
    expect(servedFile('/', null, exists)).toBe('index.html');
    expect(servedFile('/', 'cy', exists)).toBe('index.cy.html');
    expect(servedFile('/modules/x', 'cy', exists)).toBe('modules/x.cy.html');
    expect(servedFile('/modules/x', 'en', exists)).toBe('modules/x.html');
    expect(servedFile('/modules/x', 'fr', exists)).toBe('modules/x.html');
    expect(servedFile('/sw.js', null, exists)).toBeUndefined();
    expect(servedFile('/trainer', 'cy', exists)).toBe('app.html');
    expect(servedFile('/assets/missing.js', null, exists)).toBeUndefined();
  });
});

describe('hydrating', () => {
  const root = (address?: string, language?: string) => ({
    dataset: { prerendered: address, prerenderedLang: language } as DOMStringMap,
  });

  it('happens only at the address and in the language the page was rendered for', () => {
    const welsh = prerenderedOf(root('/modules/x?lang=cy', 'cy'));
    expect(matchesPrerendered(welsh, { pathname: '/modules/x', search: '?lang=cy' }, 'cy')).toBe(true);
    expect(matchesPrerendered(welsh, { pathname: '/modules/x/', search: '?lang=cy&utm=1' }, 'cy')).toBe(true);
    expect(matchesPrerendered(welsh, { pathname: '/modules/x', search: '' }, 'cy')).toBe(false);
    expect(matchesPrerendered(welsh, { pathname: '/modules/y', search: '?lang=cy' }, 'cy')).toBe(false);
    const english = prerenderedOf(root('/', 'en'));
    expect(matchesPrerendered(english, { pathname: '/', search: '' }, 'en')).toBe(true);
    expect(matchesPrerendered(english, { pathname: '/', search: '' }, 'cy')).toBe(false);
    expect(matchesPrerendered(english, { pathname: '/', search: '?lang=en' }, 'en')).toBe(false);
    // The app shell has no prerendered page.
    expect(prerenderedOf(root())).toBeNull();
  });
});

describe('the prerendered HTML', () => {
  const template =
    '<!doctype html>\n<html lang="en" dir="ltr">\n  <head>\n    <meta charset="UTF-8" />\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>';

  it('carries the page, its language, its address and the head script the policy allows by hash', () => {
    const html = prerenderedHtml(template, { address: '/about?lang=cy', language: 'cy', html: '<h1>Amdanom</h1>' });
    expect(html).toContain('<html lang="cy"');
    expect(html).toContain(
      '<div id="root" data-prerendered="/about?lang=cy" data-prerendered-lang="cy"><h1>Amdanom</h1></div>',
    );
    expect(html).toContain(`<script>${PRERENDER_HEAD_SCRIPT}</script>`);
    const hash = `'sha256-${createHash('sha256').update(PRERENDER_HEAD_SCRIPT).digest('base64')}'`;
    expect(PRERENDER_HEAD_SCRIPT_HASH).toBe(hash);
    expect(contentSecurityPolicy()).toContain(`script-src 'self' ${hash};`);
  });

  it('refuses a template it cannot prerender into', () => {
    expect(() => prerenderedHtml('<html><body></body></html>', { address: '/', language: 'en', html: '' })).toThrow(
      /no <div id="root"><\/div>/,
    );
  });
});
