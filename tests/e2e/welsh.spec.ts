import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { currentStepId, horizontalOverflow, interfaceWords, loadModule, playLesson, STATIC_PAGES } from './course';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const cy = interfaceWords('cy');

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`),
    what,
  ).toEqual([]);
}

test('a learner switches to Welsh on any page, keeps it, and a deep link opens the other language', async ({
  page,
}) => {
  const { words: english } = loadModule('orientation');
  const { words: welsh } = loadModule('orientation', 'cy');
  await page.goto('/modules/orientation');
  await expect(page.getByRole('heading', { level: 1, name: english.title })).toBeVisible();
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: welsh.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page).toHaveURL(/lang=cy/);
  await page.goto('/modules/orientation');
  await expect(page.getByRole('heading', { level: 1, name: welsh.title })).toBeVisible();
  await page.goto('/modules/orientation?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: english.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a module can be completed in Welsh from start to certificate', async ({ page }) => {
  test.setTimeout(180_000);
  const { courseModule, words } = loadModule('orientation', 'cy');
  await page.goto('/?lang=cy');
  await expect(page.getByRole('heading', { level: 1, name: cy['dashboard.heading'] })).toBeVisible();
  for (const lesson of courseModule.lessons) {
    // No ?lang= here: the Welsh chosen above is kept on the device.
    await page.goto(`/modules/${courseModule.id}/lessons/${lesson.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await playLesson(page, lesson, words, cy);
    await expect(page.getByRole('heading', { name: cy['summary.scoreHeading'] })).toBeVisible();
  }
  await page.goto(`/modules/${courseModule.id}`);
  await expect(page.getByText(cy['status.passed'], { exact: true }).first()).toBeVisible();
  await page.goto('/certificates');
  await page.getByRole('textbox', { name: cy['certificates.name'] }).fill('Gwenllian Ŵyn');
  await page.getByRole('button', { name: cy['certificates.create'] }).click();
  await page.getByRole('link', { name: words.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: cy['certificate.title'] })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: cy['certificates.downloadPdf'] }).click();
  const text = execFileSync('pdftotext', [await (await download).path(), '-'], { encoding: 'utf8' });
  expect(text).toContain('Gwenllian Ŵyn');
  expect(text).toContain(cy['certificate.title']);
});

for (const language of ['cy', 'en-XA', 'ar-XB']) {
  test(`no WCAG 2.2 A/AA violations in ${language}`, async ({ page }) => {
    for (const path of [...STATIC_PAGES, '/modules/adultification', '/no-such-page']) {
      await page.goto(`${path}?lang=${language}`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoViolations(page, `${path} in ${language}`);
    }
    const { courseModule } = loadModule('adultification');
    const lesson = courseModule.lessons[0];
    await page.goto(`/modules/adultification/lessons/${lesson.id}?lang=${language}`);
    await expectNoViolations(page, `lesson in ${language}`);
    expect((await currentStepId(page)).state).toBe('reading');
  });
}

test('the right-to-left pseudo-locale lays the page out right to left', async ({ page }) => {
  await page.goto('/?lang=ar-XB');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('nothing overflows at 320 pixels wide in the long pseudo-locale', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const { courseModule } = loadModule('adultification');
  for (const path of [...STATIC_PAGES, `/modules/${courseModule.id}`]) {
    await page.goto(`${path}?lang=en-XA`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
  }
  await page.goto(`/modules/${courseModule.id}/lessons/${courseModule.lessons[0].id}?lang=en-XA`);
  await expect(page.locator('.lesson')).toBeVisible();
  expect(await horizontalOverflow(page), 'lesson').toBeLessThanOrEqual(0);
});
