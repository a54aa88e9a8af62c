import { expect, test } from '@playwright/test';

test('a strict Content-Security-Policy is served and nothing on the main journeys breaks it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  // A violation whose error is caught in code (zod's eval probe was one) logs nothing to the
  // console, but the browser still reports it as an event.
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`,
      ),
    ),
  );
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  expect(meta).not.toContain('unsafe-inline');
  expect(meta).not.toContain('unsafe-eval');
  for (const path of [
    '/',
    '/modules/adultification',
    '/modules/adultification/lessons/seeing-the-child',
    '/certificates',
    '/verify',
    '/settings',
    '/my-data',
    '/sources',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
});

test('text from an imported file is shown as text, never run as markup', async ({ page }) => {
  await page.goto('/verify#<img src=x onerror=alert(1)>');
  await expect(page.getByRole('heading', { name: 'Changed or damaged' })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});
