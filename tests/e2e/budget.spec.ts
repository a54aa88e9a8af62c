// The bundle check on every test run: the JavaScript a learner downloads to see the dashboard,
// gzipped, must not grow past the CI ceiling in bench/budgets.json (the lower target there is the
// goal; the ceiling stops regressions until the goal is met).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as {
  targets: { firstLoadJsGzipKb: number };
  ciCeilings: { firstLoadJsGzipKb: number };
};

test('the first page loads no more JavaScript than the CI ceiling allows', async ({ page }) => {
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    const url = response.url();
    if (!url.endsWith('.js') || url.includes('/sw.js') || url.includes('workbox-')) return;
    try {
      scripts.set(url, gzipSync(await response.body()).length);
    } catch {
      // A response without a body (a redirect) carries no script.
    }
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const kilobytes = [...scripts.values()].reduce((sum, size) => sum + size, 0) / 1024;
  for (const [url, size] of [...scripts].sort((a, b) => b[1] - a[1]))
    console.log(`  ${(size / 1024).toFixed(1)} KB ${url.split('/').pop()}`);
  console.log(
    `first-load JS: ${kilobytes.toFixed(1)} KB gzip in ${scripts.size} files (target ${budgets.targets.firstLoadJsGzipKb} KB)`,
  );
  expect(kilobytes).toBeLessThanOrEqual(budgets.ciCeilings.firstLoadJsGzipKb);
});

test('nothing on screen moves while the first page loads, including when offline use becomes ready', async ({
  browser,
}) => {
  for (const path of ['/', '/modules/adultification/lessons/seeing-the-child', '/certificates']) {
    // A new context for each page: a first visit, with the service worker installing meanwhile.
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('now works without a connection')).toBeVisible();
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
    expect(
      shifts.reduce((sum, value) => sum + value, 0),
      path,
    ).toBeLessThan(0.01);
    await context.close();
  }
});
