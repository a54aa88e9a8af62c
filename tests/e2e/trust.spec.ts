// Trust end to end, on two builds of the same code for two organisations (security.md #1–4):
// an organisation endorses a trainer with `npm run org -- endorse`; the trainer imports the
// endorsement and assigns a lesson; a learner completes it and sends a receipt; the trainer
// countersigns; /verify on that organisation's deployment names the endorsed trainer and the
// organisation, and the same code on another organisation's build is "a key this site does not
// know". The fingerprints on the certificate page and on /verify match.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadModule, playLesson } from './course';
import { E2E_PORT } from './origin';
import { buildForOrganisation, servePreview, type PreviewServer } from './organisationBuild';

const PORT = E2E_PORT + 100;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROOT = process.cwd();
const WORK = join(ROOT, '.cache', 'trust-e2e');
const ANYTOWN_KEY = join(ROOT, 'tests/fixtures/trust/anytown-signing-key.TEST-ONLY.json');
const OTHERFORD_KEY = join(ROOT, 'tests/fixtures/trust/otherford-signing-key.TEST-ONLY.json');
const ANYTOWN = 'Anytown Borough Council';
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const { courseModule, words } = loadModule('orientation');
const lesson = courseModule.lessons[0];
const lessonTitle = words[`${lesson.id}.title`];
const FINGERPRINT = /[0-9A-F]{4}( [0-9A-F]{4}){7}/;

/** Builds the app for one organisation into its own folder. */
function build(name: string, organisation: object): string {
  const file = join(WORK, `${name}.json`);
  writeFileSync(file, JSON.stringify(organisation, null, 2));
  return buildForOrganisation(file, join(WORK, name));
}

let server: PreviewServer | undefined;

async function serve(outDir: string): Promise<void> {
  server = await servePreview(outDir, PORT);
}

async function stop(): Promise<void> {
  await server?.stop();
  server = undefined;
}

const publicKeyOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string }).publicKey;
const organisationFile = (name: string, shortName: string, keyFile: string) => ({
  name,
  shortName,
  canonicalUrl: ORIGIN,
  trust: { publicKey: publicKeyOf(keyFile), endorsements: [], withdrawals: [] },
});

let anytownBuild: string;
let otherfordBuild: string;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  mkdirSync(WORK, { recursive: true });
  anytownBuild = build('anytown', organisationFile(ANYTOWN, 'Anytown', ANYTOWN_KEY));
  otherfordBuild = build('otherford', organisationFile('Otherford County Council', 'Otherford', OTHERFORD_KEY));
});

test.afterAll(stop);

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
    `axe violations on ${what}`,
  ).toEqual([]);
}

test('an endorsed trainer’s countersignature is named on its own deployment and unknown on another', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  await serve(anytownBuild);
  const trainerContext = await browser.newContext({ baseURL: ORIGIN });
  const learnerContext = await browser.newContext({ baseURL: ORIGIN });
  const trainer = await trainerContext.newPage();
  const learner = await learnerContext.newPage();

  // The trainer shows their key; the organisation's safeguarding lead endorses it with the CLI.
  await trainer.goto('/trainer');
  await expect(trainer.getByRole('heading', { level: 2, name: 'Your organisation’s endorsement' })).toBeVisible();
  await expect(
    trainer.getByText(`${ANYTOWN} has not endorsed your trainer key on this device yet.`, { exact: false }),
  ).toBeVisible();
  await trainer.getByRole('button', { name: 'Show my trainer key' }).click();
  const trainerKey = await trainer
    .getByRole('textbox', { name: 'Your trainer public key, to send for endorsement' })
    .inputValue();
  expect(trainerKey).toMatch(/^[\w-]{87}$/);
  const today = new Date().toISOString().slice(0, 10);
  const until = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const output = execFileSync(
    process.execPath,
    [
      join(ROOT, 'scripts/org.mjs'),
      'endorse',
      '--key',
      ANYTOWN_KEY,
      '--name',
      'Sam Okafor',
      '--role',
      'Designated safeguarding lead',
      '--trainer-key',
      trainerKey,
      '--from',
      today,
      '--until',
      until,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const endorsement = output.trim().split('\n').at(-1) as string;
  expect(endorsement).toMatch(/^[\w-]+\.[\w-]{86}$/);

  // The trainer imports it; a copy for another organisation would be refused.
  await trainer.getByRole('textbox', { name: 'Endorsement code' }).fill(endorsement);
  await trainer.getByRole('button', { name: 'Add the endorsement' }).click();
  await expect(trainer.getByText('Endorsement added. Assignments you make from now on carry it.')).toBeVisible();
  await expect(
    trainer.getByText(new RegExp(`^Endorsed by ${ANYTOWN} as Sam Okafor, Designated safeguarding lead`)),
  ).toBeVisible();
  await expectNoViolations(trainer, 'the trainer area, endorsed');

  // The trainer assigns one lesson.
  await trainer.getByRole('textbox', { name: 'Title' }).fill('Orientation: start here');
  await trainer.getByRole('textbox', { name: 'Your name' }).fill('Sam Okafor');
  await trainer.getByRole('checkbox', { name: lessonTitle, exact: true }).check();
  await trainer.getByRole('button', { name: 'Create and sign the assignment' }).click();
  await expect(trainer.getByRole('heading', { level: 1, name: 'Orientation: start here' })).toBeVisible();
  const assignmentLink = await trainer.getByRole('textbox', { name: 'Assignment link' }).inputValue();

  // The learner sees who vouches for the trainer, does the lesson and makes a receipt.
  await learner.goto(assignmentLink);
  await expect(learner.getByRole('heading', { name: /Assignment added/ })).toBeVisible();
  await expect(learner.getByText(`Sam Okafor, Designated safeguarding lead, endorsed by ${ANYTOWN}`)).toBeVisible();
  await learner.goto('/');
  await learner
    .getByRole('region', { name: 'Assigned to you' })
    .getByRole('link', { name: 'Orientation: start here' })
    .click();
  await learner
    .getByRole('link', { name: new RegExp(`^${lessonTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .click();
  await playLesson(learner, lesson, words);
  await learner.goto('/');
  await learner
    .getByRole('region', { name: 'Assigned to you' })
    .getByRole('link', { name: 'Orientation: start here' })
    .click();
  await learner.getByRole('textbox', { name: 'Your name, as your trainer knows you' }).fill('Sam Learner');
  await learner.getByRole('button', { name: 'Make my receipt' }).click();
  const receiptLink = await learner.getByRole('textbox', { name: 'Receipt link' }).inputValue();

  // The trainer imports the receipt and countersigns.
  await trainer.getByRole('textbox', { name: 'Or paste receipt links' }).fill(receiptLink);
  await trainer.getByRole('button', { name: 'Import the pasted links' }).click();
  const row = trainer.getByRole('table', { name: /Who finished/ }).getByRole('row', { name: /Sam Learner/ });
  await expect(row.getByText('Met the pass mark')).toBeVisible();
  await row.getByRole('button', { name: 'Countersign a certificate for Sam Learner' }).click();
  const certificateLink = await trainer.getByRole('textbox', { name: 'Certificate link for Sam Learner' }).inputValue();
  const code = certificateLink.slice(certificateLink.indexOf('#') + 1);

  // The learner adds it: the certificate page labels each fingerprint as the learner's or the trainer's.
  await learner.goto(certificateLink);
  await learner.getByRole('link', { name: /^View certificate/ }).click();
  await expect(
    learner.getByRole('heading', { name: `Countersigned by Sam Okafor, endorsed by ${ANYTOWN}` }),
  ).toBeVisible();
  const onPage = async (label: string) =>
    ((await learner.getByText(new RegExp(`^${label}: `)).textContent()) ?? '').match(FINGERPRINT)?.[0];
  const trainerFingerprint = await onPage('Trainer’s key fingerprint');
  const learnerFingerprint = await onPage('Learner’s device key fingerprint');
  expect(trainerFingerprint).toBeTruthy();
  expect(learnerFingerprint).toBeTruthy();
  expect(trainerFingerprint).not.toBe(learnerFingerprint);
  await expect(learner.getByText(`the Verify page at ${ORIGIN}/verify`, { exact: false })).toBeVisible();
  await expectNoViolations(learner, 'a countersigned certificate');

  // /verify on this organisation's deployment names the trainer and the organisation.
  await learner.goto(`/verify#${code}`);
  await expect(
    learner.getByRole('heading', { name: `Countersigned by Sam Okafor, endorsed by ${ANYTOWN}` }),
  ).toBeVisible();
  const details = learner.locator('.verify-details');
  await expect(details.getByRole('definition').filter({ hasText: trainerFingerprint as string })).toBeVisible();
  await expect(details.getByRole('definition').filter({ hasText: learnerFingerprint as string })).toBeVisible();
  await expectNoViolations(learner, '/verify, endorsed');
  await trainerContext.close();
  await learnerContext.close();

  // The same code on another organisation's build: a key that site does not know.
  await stop();
  await serve(otherfordBuild);
  const elsewhere = await (await browser.newContext({ baseURL: ORIGIN })).newPage();
  await elsewhere.goto(`/verify#${code}`);
  await expect(elsewhere.getByRole('heading', { name: 'Signed by a key this site does not know' })).toBeVisible();
  await expect(
    elsewhere.getByText(`compare the key’s fingerprint: ${trainerFingerprint}`, { exact: false }),
  ).toBeVisible();
  await expect(elsewhere.getByText(ANYTOWN)).toHaveCount(0);
  await expectNoViolations(elsewhere, '/verify, unknown key');
});
