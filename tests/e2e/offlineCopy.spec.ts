// How the offline copy arrives: after the first page, without the certificate PDF's code (kept on
// first use instead), and, when the browser asks to save data, only once the learner asks for it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadModule, playLesson } from './course';

const { courseModule, words } = loadModule('adultification');
const LESSON = `/modules/${courseModule.id}/lessons/${courseModule.lessons[0]!.id}`;
const PDF_FILES = /\/assets\/(?:certificatePdf-|AtkinsonHyperlegibleNext_)/;

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

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Every URL held in the browser's caches, precache and runtime caches alike. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
}

test('a first visit saves the course for offline use, without the PDF code, which is kept once made', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
  await waitForServiceWorker(page);
  await expect(page.getByRole('status').filter({ hasText: 'now works without a connection' })).toBeVisible();
  const saved = await cachedUrls(page);
  expect(saved.some((url) => url.includes(`/assets/LessonPage-`))).toBe(true);
  expect(saved.filter((url) => PDF_FILES.test(url))).toEqual([]);

  // Pass the module online, and make its certificate (signing needs no PDF code).
  for (const lesson of courseModule.lessons) {
    await page.goto(`/modules/${courseModule.id}/lessons/${lesson.id}`);
    await playLesson(page, lesson, words);
  }
  await page.goto('/certificates');
  await page.getByRole('textbox', { name: 'Your name, as it should appear' }).fill('Sam Learner');
  await page.getByRole('button', { name: 'Create my certificate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is ready' })).toBeVisible();
  await page.getByRole('link', { name: words.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificate of completion' })).toBeVisible();
  const certificatePage = page.url();
  expect(fetched.filter((url) => PDF_FILES.test(url))).toEqual([]);

  // Offline, a lesson still opens; the PDF, never fetched, says plainly why it cannot be made yet.
  await context.setOffline(true);
  await page.goto(LESSON);
  await expect(
    page.getByRole('heading', { level: 1, name: words[`${courseModule.lessons[0]!.id}.title`] }),
  ).toBeVisible();
  await page.goto(certificatePage);
  await expect(page.getByText('Sam Learner', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Download the PDF' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    /^The PDF needs a connection the first time you make one\..*The certificate on this page works offline now/,
  );
  await expectNoViolations(page, 'the certificate page with the PDF message');
  // Nothing already saved is lost: the on-screen certificate is still there.
  await expect(page.getByRole('heading', { level: 1, name: 'Certificate of completion' })).toBeVisible();
  await expect(page.getByText('Sam Learner', { exact: true })).toBeVisible();

  // Online once, the PDF is made and its code kept; offline again, it is made from the cache.
  await context.setOffline(false);
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the PDF' }).click();
  await download;
  expect((await cachedUrls(page)).filter((url) => PDF_FILES.test(url))).toHaveLength(3);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('Sam Learner', { exact: true })).toBeVisible();
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^certificate-.+\.pdf$/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.setOffline(false);
});

test('when the browser asks to save data, the offline copy waits until the learner asks for it', async ({
  page,
  context,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true }) });
  });
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  await page.goto(LESSON);
  await expect(page.getByText('Your browser is set to save data')).toBeVisible();
  await expectNoViolations(page, 'a lesson with the Save-Data notice');
  // Longer than the idle timeout: had the copy been going to start by itself, it would have.
  await page.waitForTimeout(6000);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);
  expect(fetched.filter((url) => url.includes('/sw.js') || url.includes('/assets/TrainerPage-'))).toEqual([]);

  await page.getByRole('button', { name: 'Make the course available offline' }).click();
  await waitForServiceWorker(page);
  await expect(page.getByRole('status').filter({ hasText: 'now works without a connection' })).toBeVisible();
  await expect(page.getByText('Your browser is set to save data')).toHaveCount(0);
  await context.setOffline(true);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
  await page.goto(LESSON);
  await expect(
    page.getByRole('heading', { level: 1, name: words[`${courseModule.lessons[0]!.id}.title`] }),
  ).toBeVisible();
  await context.setOffline(false);
});
