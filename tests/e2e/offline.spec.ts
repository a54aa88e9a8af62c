import { expect, test, type Page } from '@playwright/test';
import { currentStepId, loadModule, playLesson, takeOneStep } from './course';
import { E2E_ORIGIN } from './origin';

const { courseModule, words } = loadModule('adultification');
const ORIGIN = E2E_ORIGIN;

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

async function playLessonNumber(page: Page, lessonIndex: number): Promise<number> {
  return playLesson(page, courseModule.lessons[lessonIndex], words);
}

async function storedAnswerCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('heard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('answers').objectStore('answers').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

test('after one visit the course works offline, and no request ever leaves the origin', async ({ page, context }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
  await page.goto(`/modules/${courseModule.id}/lessons/${courseModule.lessons[0].id}`);
  await playLessonNumber(page, 0);
  await expect(page.getByRole('heading', { name: 'Your decisions' })).toBeVisible();
  await page.goto('/neutral.html');
  await expect(page.getByRole('heading', { name: 'Easy vegetable soup' })).toBeVisible();
  await context.setOffline(false);

  const elsewhere = requests.filter(
    (url) => !url.startsWith(ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  expect(elsewhere).toEqual([]);
});

test('two tabs answering alternately lose no answer', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(`/modules/${courseModule.id}/lessons/${courseModule.lessons[0].id}`);
  await second.goto(`/modules/${courseModule.id}/lessons/${courseModule.lessons[1].id}`);
  const given = (await playLessonNumber(first, 0)) + (await playLessonNumber(second, 1));
  await expect.poll(() => storedAnswerCount(first)).toBe(given);
  await first.goto(`/modules/${courseModule.id}`);
  await expect(
    first
      .getByRole('listitem')
      .filter({ hasText: words[`${courseModule.lessons[1].id}.title`] })
      .getByText('Done', { exact: true }),
  ).toBeVisible();
});

test('two tabs on the same lesson follow each other, answering alternately, and lose no answer', async ({
  context,
}) => {
  const lesson = courseModule.lessons[0];
  const path = `/modules/${courseModule.id}/lessons/${lesson.id}`;
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(path);
  await second.goto(path);
  let given = 0;
  let [turn, other] = [first, second];
  for (let guard = 0; guard < 80; guard++) {
    await turn.bringToFront();
    const answered = await takeOneStep(turn, lesson, words);
    if (answered === null) break;
    if (answered) given++;
    const reached = await currentStepId(turn);
    await expect.poll(async () => currentStepId(other)).toEqual(reached);
    [turn, other] = [other, turn];
  }
  expect(given).toBeGreaterThan(2);
  await expect.poll(() => storedAnswerCount(first)).toBe(given);
  await expect(second.getByRole('alert').filter({ hasText: 'another tab' })).toBeVisible();
});

test('export, delete everything, then import brings the same progress back', async ({ page }) => {
  await page.goto(`/modules/${courseModule.id}/lessons/${courseModule.lessons[0].id}`);
  await playLessonNumber(page, 0);
  await page.goto('/my-data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my data' }).click();
  const file = await (await download).path();

  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toBeVisible();
  await page.goto(`/modules/${courseModule.id}`);
  await expect(page.getByText('Not started').first()).toBeVisible();

  await page.goto('/my-data');
  await page.getByLabel('Choose an exported file').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace everything on this device' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'now matches the file' })).toBeVisible();
  await page.goto(`/modules/${courseModule.id}`);
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: words[`${courseModule.lessons[0].id}.title`] })
      .getByText('Done', { exact: true }),
  ).toBeVisible();
});

test('a file that is not a backup is refused with a plain message', async ({ page }) => {
  await page.goto('/my-data');
  await page
    .getByLabel('Choose an exported file')
    .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(page.getByRole('alert')).toHaveText(
    'That file is not a copy exported from this course. Nothing has been changed.',
  );
});

test('when storage is blocked the course says so and still works', async ({ page }) => {
  await page.addInitScript(() => {
    const blocked = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    Object.defineProperty(IDBFactory.prototype, 'open', { value: blocked });
  });
  await page.goto(`/modules/${courseModule.id}/lessons/${courseModule.lessons[0].id}`);
  await expect(page.getByRole('alert').filter({ hasText: 'not letting the course store anything' })).toBeVisible();
  await playLessonNumber(page, 0);
  await expect(page.getByRole('heading', { name: 'Your decisions' })).toBeVisible();
});
