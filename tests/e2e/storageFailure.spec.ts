// Storage that fails for real: a Chromium profile that blocks all site data, the course framed by
// another site where third-party storage is blocked, and a write that fails mid-lesson because the
// disk is full. The course must render, say plainly that progress
// will not be kept, lose nothing already saved, and let the learner carry on.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { E2E_ORIGIN } from './origin';
import { currentStepId, interfaceWords, loadModule, takeOneStep } from './course';

const ui = interfaceWords('en');

test('a browser profile that blocks site data still shows the course, and says progress will not be kept', async () => {
  // A real profile whose content settings block cookies and so all site data (the setting a
  // managed or privacy-minded browser has): localStorage, sessionStorage and IndexedDB all refuse.
  const profile = mkdtempSync(join(tmpdir(), 'heard-blocked-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL: E2E_ORIGIN,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/');
    // The profile really blocks storage.
    expect(
      await page.evaluate(() => {
        try {
          window.localStorage.getItem('x');
          return 'allowed';
        } catch {
          return 'blocked';
        }
      }),
    ).toBe('blocked');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: ui['storage.blocked'] })).toBeVisible();

    // A lesson still runs from start to a decision.
    const { courseModule, words } = loadModule('orientation');
    const lesson = courseModule.lessons[0]!;
    await page.goto(`/modules/orientation/lessons/${lesson.id}`);
    await expect(page.locator('.lesson')).toBeVisible();
    await takeOneStep(page, lesson, words);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a write that fails mid-lesson with a full disk says so, loses nothing saved, and the learner carries on', async ({
  page,
}) => {
  const { courseModule, words } = loadModule('orientation');
  const lesson = courseModule.lessons[0]!;
  // Every IndexedDB write fails while the flag is set, as a full disk makes it.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    const add = IDBObjectStore.prototype.add;
    const full = () => (window as unknown as { diskFull?: boolean }).diskFull === true;
    const refuse = () => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      return full() ? refuse() : put.apply(this, args);
    };
    IDBObjectStore.prototype.add = function (...args: Parameters<typeof add>) {
      return full() ? refuse() : add.apply(this, args);
    };
  });
  await page.goto(`/modules/orientation/lessons/${lesson.id}`);
  await takeOneStep(page, lesson, words);
  await expect(page.getByRole('status').filter({ hasText: ui['lesson.saved'] })).toBeVisible();
  const saved = await currentStepId(page);

  await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
  await takeOneStep(page, lesson, words);
  await expect(page.getByRole('alert').filter({ hasText: ui['lesson.saveFailed'] })).toBeVisible();
  // The learner carries on.
  await takeOneStep(page, lesson, words);
  const reached = await currentStepId(page);
  expect(reached).not.toEqual(saved);

  // What was saved before the disk filled is still there after a reload.
  await page.reload();
  expect(await currentStepId(page)).toEqual(saved);

  // Once space comes back the next write saves the place the learner reached.
  await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
  await takeOneStep(page, lesson, words);
  await expect(page.getByRole('status').filter({ hasText: ui['lesson.saved'] })).toBeVisible();
  const after = await currentStepId(page);
  await page.reload();
  expect(await currentStepId(page)).toEqual(after);
});

test('the course framed from another site, where third-party storage is blocked, still shows and says progress will not be kept', async () => {
  // A real profile that blocks third-party cookies, and so the storage of a page framed by another
  // site, as many browsers do by default; the framing page stands for an LMS on its own domain.
  const profile = mkdtempSync(join(tmpdir(), 'heard-framed-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { block_third_party_cookies: true, cookie_controls_mode: 1 } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const lms = 'http://lms.example.test';
    await context.route(`${lms}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>LMS</title><iframe title="Course" src="${E2E_ORIGIN}/" width="800" height="900"></iframe>`,
      }),
    );
    // The preview server allows only its own origin to frame the course (frame-ancestors); an LMS
    // deployment names the LMS instead, so here the header names this one.
    await context.route(`${E2E_ORIGIN}/**`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if (headers['content-security-policy']) {
        headers['content-security-policy'] = headers['content-security-policy'].replace(
          /frame-ancestors [^;]*/,
          `frame-ancestors ${lms}`,
        );
      }
      await route.fulfill({ response, headers });
    });
    await page.goto(`${lms}/course`);
    const course = page.frameLocator('iframe[title="Course"]');
    await expect(course.getByRole('heading', { level: 1 })).toBeVisible();
    // The frame really has no storage.
    const frame = page.frames().find((candidate) => candidate.url().startsWith(E2E_ORIGIN))!;
    expect(
      await frame.evaluate(() => {
        try {
          window.localStorage.getItem('x');
          return 'allowed';
        } catch {
          return 'blocked';
        }
      }),
    ).toBe('blocked');
    await expect(course.getByRole('alert').filter({ hasText: ui['storage.blocked'] })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
