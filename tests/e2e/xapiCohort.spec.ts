// The trainer's cohort from the organisation's LRS: a real LRS on loopback (Learning Locker's
// statement service) holds a cohort made by the app's own statement builders; the trainer enters
// the LRS and a read-only key, sees who finished with scores worked out from the option ids, and
// countersigns everyone who met the pass mark at once.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LRS_AUTHORIZATION, startLrs, type RunningLrs } from '../fixtures/loopbackLrs';
import { cohortStatements, postStatements } from '../fixtures/lrsCohortSeed';
import { loadModule } from './course';
import { E2E_ORIGIN } from './origin';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const trainerWords = JSON.parse(readFileSync('locales/en/trainer.json', 'utf8')) as Record<string, string>;
const { courseModule, words } = loadModule('orientation');
const lesson = courseModule.lessons[0]!;
const COURSE = 'https://heard.example.org/xapi/course';
const [key, secret] = Buffer.from(LRS_AUTHORIZATION.slice('Basic '.length), 'base64').toString().split(':');

let lrs: RunningLrs;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  lrs = await startLrs();
  const statements = await cohortStatements(
    [courseModule],
    [
      { learnerId: 'l1', way: 'right' },
      { learnerId: 'l2', way: 'longest' },
      { learnerId: 'l3', way: 'right' },
      { learnerId: 'l4', way: 'longest' },
      { learnerId: 'l5', way: 'right' },
    ],
    { courseId: COURSE, homePage: 'https://lms.example.org', startAt: Date.UTC(2026, 10, 20, 9) },
  );
  await postStatements(lrs.endpoint, statements, 10);
});

test.afterAll(() => lrs?.stop());

/**
 * The LRS as the trainer's browser sees it: on the app's own origin (the standalone build's CSP
 * allows only that unless built with HEARD_TRAINER_LRS), forwarded here to the loopback LRS.
 */
async function routeLrs(page: Page) {
  const lrsOrigin = new URL(lrs.endpoint).origin;
  await page.route(`${E2E_ORIGIN}/xAPI/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace(E2E_ORIGIN, lrsOrigin) });
    await route.fulfill({ response });
  });
}

test('a trainer connects to the LRS, sees the cohort and countersigns everyone who met the pass mark', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await routeLrs(page);
  await page.goto('/trainer');
  await page.getByRole('textbox', { name: 'Title' }).fill('From the LRS');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Jo Trainer');
  await page.getByRole('checkbox', { name: words[`${lesson.id}.title`], exact: true }).check();
  await page.getByRole('spinbutton', { name: 'Pass mark (% of decisions right)' }).fill('80');
  await page.getByRole('button', { name: 'Create and sign the assignment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'From the LRS' })).toBeVisible();

  const section = page.getByRole('region', { name: trainerWords['lrs.heading'] });
  await section.getByRole('textbox', { name: trainerWords['lrs.endpoint'] }).fill(`${E2E_ORIGIN}/xAPI/`);
  await section.getByRole('textbox', { name: trainerWords['lrs.key'] }).fill(key!);
  await section.getByLabel(trainerWords['lrs.secret']!).fill(secret!);
  await section.getByRole('textbox', { name: trainerWords['lrs.activity'] }).fill(COURSE);
  await section.getByRole('button', { name: trainerWords['lrs.connect'] }).click();

  await expect(section.getByText(/Learners in the LRS for this course: 5\./)).toBeVisible();
  await expect(
    section.getByText('Learners from the LRS who finished every assigned lesson: 5 (started but not finished: 0).'),
  ).toBeVisible();
  const table = section.getByRole('table', { name: /Who finished/ });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByText('Met the pass mark', { exact: true })).toHaveCount(3);
  await expect(table.getByText('Below the pass mark', { exact: true })).toHaveCount(2);
  // The learners table fits its column at 1280 px.
  const overflow = await table.evaluate((element) => {
    const scroller = element.parentElement as HTMLElement;
    return scroller.scrollWidth - scroller.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  await section.getByRole('button', { name: 'Countersign everyone who met the pass mark (3)' }).click();
  await expect(section.getByText('Countersigned 3 certificates. Send each from the list below.')).toBeVisible();
  await expect(section.getByRole('textbox', { name: /^Certificate link for Learner / })).toHaveCount(3);
  await expect(section.getByRole('button', { name: 'Countersign everyone who met the pass mark (0)' })).toBeDisabled();

  // Kept on the trainer's device: after a reload the connection and the certificates are still there,
  // and reading again fetches only what is new.
  await page.reload();
  const again = page.getByRole('region', { name: trainerWords['lrs.heading'] });
  await expect(again.getByText(`Connected to ${E2E_ORIGIN}/xAPI/.`)).toBeVisible();
  await expect(again.getByRole('textbox', { name: /^Certificate link for Learner / })).toHaveCount(3);
  await again.getByRole('button', { name: trainerWords['lrs.sync'] }).click();
  await expect(again.getByText(/New statements read: \d+\. Learners in the LRS for this course: 5\./)).toBeVisible();
  const read = Number(
    /New statements read: (\d+)/.exec((await again.getByRole('status').first().textContent()) ?? '')?.[1],
  );
  expect(read).toBeLessThanOrEqual(20);
});
