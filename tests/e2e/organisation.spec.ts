// The example council's organisation file, built end to end (issue 18): its contacts lead the
// support page, a module's closing summary says whom to tell and call there, its certificate names
// it (with its logo) and the law's review date, and Exit this page goes to its chosen site. Nothing
// leaves the machine: the outside exit address is answered by a local stub.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { interfaceWords, loadModule, playLesson } from './course';
import { E2E_PORT } from './origin';
import { buildForOrganisation, servePreview, type PreviewServer } from './organisationBuild';

const PORT = E2E_PORT + 101;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROOT = process.cwd();
const OUT_DIR = join(ROOT, '.cache', 'organisation-e2e', 'anytown');
const EXAMPLE = join(ROOT, 'deploy/organisation.example.json');
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { name: string; quickExitUrl: string };
const ui = interfaceWords('en');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const { courseModule, words } = loadModule('orientation');

let server: PreviewServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  server = await servePreview(buildForOrganisation(EXAMPLE, OUT_DIR), PORT);
});

test.afterAll(async () => {
  await server?.stop();
});

/** Every request stays on this machine: the exit site gets a stub, anything else outside is refused. */
async function keepLocal(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(ORIGIN)) return route.continue();
    if (url.startsWith(example.quickExitUrl)) {
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>Exit stub</title><h1>Exit stub</h1></html>',
      });
    }
    outside.push(url);
    return route.abort();
  });
  return outside;
}

async function expectNoViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(
    results.violations.map((violation) => violation.id),
    where,
  ).toEqual([]);
}

test('the example council’s build shows its contacts, its name on a certificate, and exits to its site', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const outside = await keepLocal(page);

  // The council's name is in the prerendered support page itself, before any script runs.
  const prerendered = await (await fetch(`${ORIGIN}/support`)).text();
  expect(prerendered).toContain('data-prerendered="/support"');
  expect(prerendered).toContain(`${example.name}: who to tell and call`);

  // The support page leads with the council's own contacts.
  await page.goto(`${ORIGIN}/support`);
  const local = page.getByRole('region', { name: `${example.name}: who to tell and call` });
  await expect(local).toBeVisible();
  await expect(local.getByRole('link', { name: '01632 960123' })).toHaveAttribute('href', 'tel:01632960123');
  await expect(page.getByRole('heading', { name: 'National services' })).toBeVisible();
  await expectNoViolations(page, 'support page');

  // The module's closing summary: whom to tell and call in the council.
  const nextSteps = page.getByRole('region', { name: `What to do in ${example.name}` });
  for (const [index, lesson] of courseModule.lessons.entries()) {
    await page.goto(`${ORIGIN}/modules/${courseModule.id}/lessons/${lesson.id}`);
    await playLesson(page, lesson, words);
    await expect(page.getByRole('heading', { name: ui['summary.scoreHeading'] })).toBeVisible();
    // Only the module's last lesson closes with it.
    if (index < courseModule.lessons.length - 1) await expect(nextSteps).toHaveCount(0);
  }
  await expect(nextSteps).toContainText('Tell your Designated Safeguarding Lead');
  await expect(nextSteps.getByRole('link', { name: '01632 960123' })).toBeVisible();
  await expectNoViolations(page, 'module summary');

  // The certificate names the council, shows its logo and the law's review date.
  await page.goto(`${ORIGIN}/certificates`);
  await page.getByRole('textbox', { name: ui['certificates.name'] }).fill('Alex Example');
  await page.getByRole('button', { name: ui['certificates.create'] }).click();
  await page.getByRole('link', { name: words.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: ui['certificate.title'] })).toBeVisible();
  await expect(page.getByText(`Training provided by ${example.name}`)).toBeVisible();
  await expect(page.locator('.certificate__logo')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  const [year, month, day] = courseModule.lawCheckedTo.split('-').map(Number);
  const reviewed = `Law and guidance checked to ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)))}.`;
  await expect(page.getByText(reviewed)).toBeVisible();
  await expectNoViolations(page, 'certificate page');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: ui['certificates.downloadPdf'] }).click();
  const text = execFileSync('pdftotext', [await (await download).path(), '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(text).toContain(`Training provided by ${example.name}`);
  expect(text).toContain(reviewed);

  // Exit this page goes to the council's chosen site (answered here by the stub).
  await page.getByRole('button', { name: 'Exit this page' }).click();
  await expect(page).toHaveURL(example.quickExitUrl);
  await expect(page.getByRole('heading', { name: 'Exit stub' })).toBeVisible();
  expect(outside).toEqual([]);
});
