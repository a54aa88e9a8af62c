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
