// The trainer journey end to end, in two browser contexts (two devices with nothing shared but the
// links and files passed between them): the trainer makes an assignment, the learner opens it,
// completes it and sends a receipt, the trainer imports it (refusing a tampered receipt and one for
// another assignment), reads the cohort dashboard, exports CSV and countersigns, and the learner
// adds the certificate, which /verify shows as countersigned by the trainer.
import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deflateSync, inflateSync } from 'fflate';
import { fromBase64Url, toBase64Url } from '../../src/certificates/base64url';
import { csvLine } from '../../src/trainer/csv';
import { horizontalOverflow, loadModule, playLesson } from './course';
import { E2E_ORIGIN } from './origin';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const trainerWords = JSON.parse(readFileSync('locales/en/trainer.json', 'utf8')) as Record<string, string>;
const { courseModule, words } = loadModule('orientation');
const lesson = courseModule.lessons[0];
const lessonTitle = words[`${lesson.id}.title`];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Records requests to anywhere but this app, and CSP refusals, so the test can prove there were none. */
function watch(page: Page, problems: string[]) {
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(E2E_ORIGIN) && !url.startsWith('blob:') && !url.startsWith('data:')) problems.push(url);
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
}

async function createAssignment(page: Page, title: string): Promise<string> {
  await page.goto('/trainer');
  await expect(page.getByRole('heading', { level: 1, name: 'Trainer area' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('textbox', { name: 'Cohort (optional)' }).fill('Safeguarding team, north');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Jo Trainer');
  await page.getByRole('checkbox', { name: lessonTitle, exact: true }).check();
  await page.getByRole('spinbutton', { name: 'Pass mark (% of decisions right)' }).fill('80');
  await page.getByLabel('Due date (optional)').fill('2099-12-31');
  await page.getByRole('textbox', { name: 'Note to learners (optional)' }).fill('Please finish before our meeting.');
  await page.getByRole('button', { name: 'Create and sign the assignment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code of the assignment link' })).toBeVisible();
  return page.getByRole('textbox', { name: 'Assignment link' }).inputValue();
}

async function makeReceipt(page: Page, title: string): Promise<{ link: string; file: string }> {
  await page.goto('/');
  await page.getByRole('region', { name: 'Assigned to you' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Done', { exact: true }).first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Your name, as your trainer knows you' }).fill('Sam Learner');
  await page.getByRole('button', { name: 'Make my receipt' }).click();
  const link = await page.getByRole('textbox', { name: 'Receipt link' }).inputValue();
  await expect(page.getByRole('img', { name: 'QR code of your receipt link' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the receipt file' }).click();
  const file = test.info().outputPath(`receipt-${title.replace(/\W+/g, '-')}.txt`);
  await (await download).saveAs(file);
  return { link, file };
}

/** The same receipt with its time changed after signing, keeping the learner's signature. */
function tamperedReceipt(link: string): string {
  const [body, signature] = link.slice(link.indexOf('#') + 1).split('.');
  const payload = JSON.parse(new TextDecoder().decode(inflateSync(fromBase64Url(body) as Uint8Array)));
  const changed = toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify({ ...payload, seconds: 1 }))));
  expect(changed).not.toBe(body);
  return `${E2E_ORIGIN}/receipt#${changed}.${signature}`;
}

test('a trainer assigns a lesson, a learner completes it, and the trainer countersigns', async ({ browser }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  const trainerContext = await browser.newContext({ baseURL: E2E_ORIGIN, acceptDownloads: true });
  const learnerContext = await browser.newContext({ baseURL: E2E_ORIGIN, acceptDownloads: true });
  const trainer = await trainerContext.newPage();
  const learner = await learnerContext.newPage();
  watch(trainer, problems);
  watch(learner, problems);

  // The trainer makes the assignment, and a second one to show a receipt for the wrong assignment.
  const assignmentLink = await createAssignment(trainer, 'Orientation: start here');
  expect(assignmentLink).toMatch(new RegExp(`^${E2E_ORIGIN}/assignment#[\\w-]+\\.[\\w-]+$`));
  await expectNoViolations(trainer, 'the trainer’s assignment page');
  const otherLink = await createAssignment(trainer, 'Another assignment');
  await trainer.goto('/trainer');
  const fingerprint = (await trainer.getByText(/^Your trainer key fingerprint:/).textContent())?.match(
    /[0-9A-F]{4}( [0-9A-F]{4}){7}/,
  )?.[0] as string;
  expect(fingerprint).toBeTruthy();
  await expect(trainer.getByRole('link', { name: 'Orientation: start here' })).toBeVisible();
  await expectNoViolations(trainer, '/trainer with assignments');

  // The learner opens the link: it is checked and added once; opening it again changes nothing.
  await learner.goto(assignmentLink);
  await expect(learner.getByRole('heading', { name: /Assignment added/ })).toBeVisible();
  await expect(
    learner.getByText(`Checked: not changed since the trainer’s key (fingerprint ${fingerprint}) signed it.`),
  ).toBeVisible();
  await expectNoViolations(learner, 'an opened assignment');
  await learner.goto('/');
  await learner.goto(assignmentLink);
  await expect(learner.getByRole('heading', { name: /You already have this assignment/ })).toBeVisible();

  // A tampered assignment link is refused with a message.
  const hash = assignmentLink.indexOf('#') + 12;
  const tampered = `${assignmentLink.slice(0, hash)}${assignmentLink[hash] === 'A' ? 'B' : 'A'}${assignmentLink.slice(hash + 1)}`;
  await learner.goto(tampered);
  await expect(learner.getByRole('heading', { name: /This assignment could not be opened/ })).toBeVisible();

  await learner.goto('/');
  const assigned = learner.getByRole('region', { name: 'Assigned to you' });
  await expect(assigned.getByRole('listitem')).toHaveCount(1);
  await expect(assigned.getByText('From Jo Trainer · Due 31 December 2099')).toBeVisible();
  await expect(assigned.getByText('Not started')).toBeVisible();

  // The learner does the work from the assignment page.
  await assigned.getByRole('link', { name: 'Orientation: start here' }).click();
  await expect(learner.getByText(trainerWords['receipt.notYet'])).toBeVisible();
  await learner.getByRole('link', { name: new RegExp(`^${escape(lessonTitle)}`) }).click();
  await playLesson(learner, lesson, words);
  const receipt = await makeReceipt(learner, 'Orientation: start here');
  expect(receipt.link).toMatch(new RegExp(`^${E2E_ORIGIN}/receipt#[\\w-]+\\.[\\w-]+$`));
  expect(readFileSync(receipt.file, 'utf8').trim()).toBe(receipt.link);
  await expectNoViolations(learner, 'the receipt');

  // The same learner also has the other assignment, so has a receipt for it.
  await learner.goto(otherLink);
  await expect(learner.getByRole('heading', { name: /Assignment added/ })).toBeVisible();
  const otherReceipt = await makeReceipt(learner, 'Another assignment');
  const tamperedFile = test.info().outputPath('tampered.txt');
  writeFileSync(tamperedFile, `${tamperedReceipt(receipt.link)}\n`);

  // The trainer imports: the good file, a tampered file, and a pasted receipt for another assignment.
  await trainer.goto('/trainer');
  await trainer.getByRole('link', { name: 'Orientation: start here' }).click();
  await trainer.getByLabel('Choose receipt files, or drop them here').setInputFiles([receipt.file, tamperedFile]);
  const results = trainer.getByRole('region', { name: 'Import results' });
  await expect(results.getByText('1 receipt imported. 1 not imported.')).toBeVisible();
  await expect(results.getByRole('listitem')).toHaveText([
    /imported the receipt from Sam Learner\.$/,
    /tampered\.txt: not imported: it has been changed since the learner’s device signed it\./,
  ]);
  await trainer.getByRole('textbox', { name: 'Or paste receipt links' }).fill(otherReceipt.link);
  await trainer.getByRole('button', { name: 'Import the pasted links' }).click();
  await expect(results.getByRole('listitem')).toHaveText([
    'Link 1: not imported: this receipt from Sam Learner is for a different assignment.',
  ]);

  // The dashboard: the learner's score against the pass mark, and the share choosing each option.
  const learners = trainer.getByRole('table', { name: /Who finished/ });
  const row = learners.getByRole('row', { name: /Sam Learner/ });
  await expect(row.getByRole('cell').nth(2)).toHaveText('100% (1 of 1)');
  await expect(row.getByText('Met the pass mark')).toBeVisible();
  const question = trainer.getByRole('region', {
    name: `${lessonTitle}: ${words[`${lesson.id}.myth-or-fact.title`]}`,
  });
  const optionRow = (optionId: string) =>
    question.getByRole('row', {
      name: new RegExp(`^${escape(words[`${lesson.id}.myth-or-fact.option.${optionId}`])}`),
    });
  await expect(optionRow('rapid-audit').getByRole('cell')).toHaveText(['1', '100%']);
  await expect(optionRow('it-was-the-inquiry').getByRole('cell')).toHaveText(['0', '0%']);
  await expectNoViolations(trainer, 'the cohort dashboard');

  // CSV: one row for the learner, and the option shares.
  const csvDownload = trainer.waitForEvent('download');
  await trainer.getByRole('button', { name: 'Download the cohort as CSV' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe(
    '"Learner","Role","Organisation","Finished (UTC)","Minutes","Decisions right","Decisions","Score (%)","Met the pass mark"',
  );
  expect(lines[1]).toMatch(/^"Sam Learner","","","\d{4}-\d\d-\d\dT[\d:.]+Z","\d+","1","1","100","Yes"$/);
  // Module, lesson, question and option in words, with the course's ids beside them.
  const questionWords = `${words[`${lesson.id}.myth-or-fact.title`]}: ${words[`${lesson.id}.myth-or-fact.prompt`]}`;
  const optionLine = (optionId: string, right: string, count: number, share: number) =>
    csvLine([
      words.title!,
      lessonTitle!,
      questionWords,
      words[`${lesson.id}.myth-or-fact.option.${optionId}`]!,
      right,
      count,
      share,
      `orientation/${lesson.id}/myth-or-fact`,
      optionId,
    ]);
  expect(lines).toContain(optionLine('rapid-audit', 'Yes', 1, 100));
  expect(lines).toContain(optionLine('it-was-the-inquiry', 'No', 0, 0));

  // Countersign, and hand the learner the certificate link.
  await row.getByRole('button', { name: 'Countersign a certificate for Sam Learner' }).click();
  const certificateLink = await trainer.getByRole('textbox', { name: 'Certificate link for Sam Learner' }).inputValue();
  expect(certificateLink).toMatch(new RegExp(`^${E2E_ORIGIN}/certificates/import#`));

  await learner.goto(certificateLink);
  await expect(learner.getByRole('heading', { name: /Certificate added/ })).toBeVisible();
  await expectNoViolations(learner, 'an added certificate');
  await learner.getByRole('link', { name: /^View certificate/ }).click();
  await expect(learner.getByText('Sam Learner', { exact: true })).toBeVisible();
  await learner.goto('/certificates');
  await expect(learner.getByRole('link', { name: words.title })).toBeVisible();

  await learner.goto(`/verify#${certificateLink.slice(certificateLink.indexOf('#') + 1)}`);
  // The national course knows no organisation, so no trainer key is endorsed here.
  await expect(learner.getByRole('heading', { name: 'Signed by a key this site does not know' })).toBeVisible();
  await expect(learner.getByText(new RegExp(`compare the key’s fingerprint: ${fingerprint}`))).toBeVisible();

  // The full pages reflow at 320 px: wide tables scroll within their own box.
  for (const page of [trainer, learner]) await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(trainer), 'cohort dashboard at 320 px').toBeLessThanOrEqual(0);
  await learner.goto('/');
  await learner
    .getByRole('region', { name: 'Assigned to you' })
    .getByRole('link', { name: 'Another assignment' })
    .click();
  await learner.getByRole('textbox', { name: 'Your name, as your trainer knows you' }).fill('Sam Learner');
  await learner.getByRole('button', { name: 'Make my receipt' }).click();
  await expect(learner.getByRole('img', { name: 'QR code of your receipt link' })).toBeVisible();
  expect(await horizontalOverflow(learner), 'receipt page at 320 px').toBeLessThanOrEqual(0);

  expect(problems).toEqual([]);
  await trainerContext.close();
  await learnerContext.close();
});
