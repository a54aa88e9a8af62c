// Prerendered first screens (src/app/prerender/): a lesson's first step is readable with no
// JavaScript, in English and in Welsh; with JavaScript the app takes the page over (hydrates)
// without moving anything, without a console error, and stays accessible.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { interfaceWords, loadModule } from './course';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const english = loadModule('adultification');
const welsh = loadModule('adultification', 'cy');
const lesson = english.courseModule.lessons[0];
const LESSON_PATH = `/modules/${english.courseModule.id}/lessons/${lesson.id}`;
const firstParagraph = (words: Record<string, string>) => {
  const step = lesson.steps.find((candidate) => candidate.id === lesson.start);
  if (step?.kind !== 'reading') throw new Error('the first lesson of adultification starts with a reading');
  return words[`${lesson.id}.${step.id}.${step.paragraphs[0].id}`];
};

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const [language, words, suffix] of [
    ['English', english.words, ''],
    ['Welsh', welsh.words, '?lang=cy'],
  ] as const) {
    test(`a lesson's first step is readable in ${language}`, async ({ page }) => {
      await page.goto(`${LESSON_PATH}${suffix}`);
      await expect(page.getByRole('heading', { level: 1, name: words[`${lesson.id}.title`] })).toBeVisible();
      await expect(page.getByText(firstParagraph(words))).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', suffix ? 'cy' : 'en');
    });
  }

  test('a learner who chose Welsh is sent to the Welsh page before anything shows', async ({ browser }) => {
    // The one inline script runs even where the app's own does not: here with JavaScript on but
    // the app's module script blocked, to show the Welsh words come from the server's HTML.
    const context = await browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('heard.language', 'cy'));
    await page.goto(LESSON_PATH);
    await expect(page).toHaveURL(/\?lang=cy$/);
    await expect(page.getByText(firstParagraph(welsh.words))).toBeVisible();
    await context.close();
  });
});

async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const ui = interfaceWords('en');

for (const [name, path, heading] of [
  ['the dashboard', '/', ui['dashboard.heading']],
  ['a module page', `/modules/${english.courseModule.id}`, english.words.title],
  ['a lesson', LESSON_PATH, english.words[`${lesson.id}.title`]],
  ['a lesson in Welsh', `${LESSON_PATH}?lang=cy`, welsh.words[`${lesson.id}.title`]],
] as const) {
  test(`${name} hydrates with no layout shift, no console error and no axe violation`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await watchLayoutShifts(page);
    const response = await page.goto(path);
    // The server's HTML is this page's, prerendered at this address.
    expect(await response?.text()).toContain(`data-prerendered="${path}"`);
    // main.tsx marks #root once React has taken the prerendered HTML over (not rendered it afresh).
    await page.waitForFunction(() => document.getElementById('root')?.hasAttribute('data-hydrated'));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
    expect(shifts, path).toEqual([]);
    expect(problems, path).toEqual([]);
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await context.close();
  });
}

test('every prerendered page carries one inline script, the head script the policy allows', () => {
  const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.html') && !['app.html', 'neutral.html'].includes(file),
  );
  expect(pages.length).toBeGreaterThan(40);
  for (const file of pages) {
    const html = readFileSync(join('dist', file), 'utf8');
    // React would join a large page's parts with inline scripts of its own, which the policy blocks.
    expect(html.match(/<script>/g), file).toHaveLength(1);
    expect(html, file).toContain('data-prerendered=');
  }
});

test('the sources page, the largest, hydrates with no console error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/sources');
  await page.waitForFunction(() => document.getElementById('root')?.hasAttribute('data-hydrated'));
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});
