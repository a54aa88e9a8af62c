// Open Badges 3.0 end to end (issue 21): the organisation endorses a trainer's trainer key and
// Open Badges did:key with `npm run org -- endorse --trainer-did`; the trainer imports both, assigns a
// lesson, and countersigns a learner's certificate; the certificate saves as an OpenBadgeCredential
// (.json); /verify accepts the file, and a tampered copy is refused.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadModule, playLesson } from './course';
import { E2E_PORT } from './origin';
import { buildForOrganisation, servePreview, type PreviewServer } from './organisationBuild';

const PORT = E2E_PORT + 110;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROOT = process.cwd();
const WORK = join(ROOT, '.cache', 'open-badge-e2e');
const ANYTOWN_KEY = join(ROOT, 'tests/fixtures/trust/anytown-signing-key.TEST-ONLY.json');
const ANYTOWN = 'Anytown Borough Council';
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const { courseModule, words } = loadModule('orientation');
const lesson = courseModule.lessons[0];
const lessonTitle = words[`${lesson.id}.title`];

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

test.beforeAll(async () => {
  test.setTimeout(600_000);
  mkdirSync(WORK, { recursive: true });
  anytownBuild = build('anytown', organisationFile(ANYTOWN, 'Anytown', ANYTOWN_KEY));
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

test('a countersigned certificate saves as an Open Badge that /verify accepts, and a tampered copy is refused', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  await serve(anytownBuild);
  const trainerContext = await browser.newContext({ baseURL: ORIGIN, acceptDownloads: true });
  const learnerContext = await browser.newContext({ baseURL: ORIGIN });
  const trainer = await trainerContext.newPage();
  const learner = await learnerContext.newPage();
  // Signing and checking use only the bundled contexts: no context document is ever requested.
  const contextRequests: string[] = [];
  for (const page of [trainer, learner]) {
    page.on('request', (request) => {
      if (/\.jsonld(?:$|\?)|\/ns\/|purl\.imsglobal|w3id\.org/.test(request.url())) contextRequests.push(request.url());
    });
  }

  // The trainer shows both keys; the safeguarding lead endorses them with the CLI.
  await trainer.goto('/trainer');
  await trainer.getByRole('button', { name: 'Show my trainer key' }).click();
  const trainerKey = await trainer
    .getByRole('textbox', { name: 'Your trainer public key, to send for endorsement' })
    .inputValue();
  const trainerDid = await trainer
    .getByRole('textbox', { name: 'Your Open Badges key (did:key), to send with it' })
    .inputValue();
  expect(trainerDid).toMatch(/^did:key:z6Mk\w+$/);
  await expectNoViolations(trainer, 'the trainer area, keys shown');
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
      '--trainer-did',
      trainerDid,
      '--from',
      today,
      '--until',
      until,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const bundle = output.trim().split('\n').at(-1) as string;
  expect(JSON.parse(bundle)).toMatchObject({
    openBadgeEndorsement: { type: ['VerifiableCredential', 'EndorsementCredential'] },
  });
  await trainer.getByRole('textbox', { name: 'Endorsement code' }).fill(bundle);
  await trainer.getByRole('button', { name: 'Add the endorsement' }).click();
  await expect(trainer.getByText('Endorsement added. Assignments you make from now on carry it.')).toBeVisible();

  // The trainer assigns one lesson; the learner does it and sends a receipt.
  await trainer.getByRole('textbox', { name: 'Title' }).fill('Orientation: start here');
  await trainer.getByRole('textbox', { name: 'Your name' }).fill('Sam Okafor');
  await trainer.getByRole('checkbox', { name: lessonTitle, exact: true }).check();
  await trainer.getByRole('button', { name: 'Create and sign the assignment' }).click();
  await expect(trainer.getByRole('heading', { level: 1, name: 'Orientation: start here' })).toBeVisible();
  const assignmentLink = await trainer.getByRole('textbox', { name: 'Assignment link' }).inputValue();
  await learner.goto(assignmentLink);
  await expect(learner.getByRole('heading', { name: /Assignment added/ })).toBeVisible();
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

  // The trainer countersigns and saves the certificate as an Open Badge.
  await trainer.getByRole('textbox', { name: 'Or paste receipt links' }).fill(receiptLink);
  await trainer.getByRole('button', { name: 'Import the pasted links' }).click();
  const row = trainer.getByRole('table', { name: /Who finished/ }).getByRole('row', { name: /Sam Learner/ });
  await row.getByRole('button', { name: 'Countersign a certificate for Sam Learner' }).click();
  const download = trainer.waitForEvent('download');
  await trainer.getByRole('button', { name: 'Save Sam Learner’s certificate as an Open Badge (.json)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^open-badge-sam-learner-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\.json$/);
  const badgeFile = join(WORK, file.suggestedFilename());
  await file.saveAs(badgeFile);
  const badge = JSON.parse(readFileSync(badgeFile, 'utf8')) as Record<string, unknown>;
  expect(badge).toMatchObject({
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: trainerDid },
    proof: [{ cryptosuite: 'eddsa-rdfc-2022' }],
  });
  await expect(trainer.getByText('Open Badge saved.', { exact: false })).toBeVisible();
  await expectNoViolations(trainer, 'the cohort view with an Open Badge');

  // /verify accepts the file, with the same answer as the Heard code.
  await learner.goto('/verify');
  await learner.getByLabel('Or open an Open Badge file (.json)').setInputFiles(badgeFile);
  await expect(
    learner.getByRole('heading', { name: `Countersigned by Sam Okafor, endorsed by ${ANYTOWN}` }),
  ).toBeVisible();
  await expect(learner.locator('.verify-details').getByText(trainerDid)).toBeVisible();
  await expectNoViolations(learner, '/verify, an Open Badge');

  // A tampered copy (a changed field) is refused, with the reason.
  const tampered = join(WORK, 'tampered.json');
  writeFileSync(tampered, JSON.stringify({ ...badge, name: 'Level 3 DSL (accredited)' }));
  await learner.goto('/verify');
  await learner.getByLabel('Or open an Open Badge file (.json)').setInputFiles(tampered);
  await expect(learner.getByRole('heading', { name: 'Changed or damaged' })).toBeVisible();
  await expect(learner.getByText('The Open Badge’s proof does not match', { exact: false })).toBeVisible();
  await expectNoViolations(learner, '/verify, a tampered Open Badge');
  expect(contextRequests).toEqual([]);
  await trainerContext.close();
  await learnerContext.close();
});
