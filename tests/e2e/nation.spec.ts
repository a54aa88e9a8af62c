// A learner's nation decides the law and guidance they are taught: a learner in Wales, reading
// Welsh or English, meets the Wales decision on the duty to report (s.130), the Wales words
// (designated safeguarding person), Wales's own support services first, and a certificate that
// records the Wales path. England's path is unchanged (the other e2e specs walk it).
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import type { Lesson } from '../../src/engine/contentSchema';
import { stepKeys } from '../../src/engine/contentKeys';
import { wordsForNation } from '../../src/engine/nationWords';
import { answerRoleQuestion, currentStepId, interfaceWords, loadModule, takeOneStep } from './course';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`),
    what,
  ).toEqual([]);
}

type Nation = 'england' | 'wales';

/**
 * Plays a lesson choosing right answers, answering the role-and-nation question in place when it
 * comes, and returns every step shown (so a test can say which path was taken).
 */
async function playAs(
  page: Page,
  lesson: Lesson,
  words: Record<string, string>,
  ui: Record<string, string>,
  learner: { role: string; nation: Nation },
  onStep: (stepId: string, state: string) => Promise<void> = async () => {},
): Promise<string[]> {
  const seen: string[] = [];
  for (let guard = 0; guard < 80; guard++) {
    const { stepId, state } = await currentStepId(page);
    seen.push(stepId);
    await onStep(stepId, state);
    if (state === 'choosingRole') {
      await answerRoleQuestion(page, ui, learner.role, learner.nation);
      await expect.poll(async () => (await currentStepId(page)).state).not.toBe('choosingRole');
      continue;
    }
    if ((await takeOneStep(page, lesson, words, ui)) === null) return seen;
  }
  throw new Error(`lesson ${lesson.id} did not end`);
}

async function completeOrientation(
  page: Page,
  language: 'en' | 'cy',
  learner: { role: string; nation: Nation },
  onStep?: (stepId: string, state: string) => Promise<void>,
) {
  const ui = interfaceWords(language);
  const { courseModule, words } = loadModule('orientation', language);
  const shown = wordsForNation(words, learner.nation === 'wales' ? 'wales' : null);
  const seen: string[] = [];
  for (const lesson of courseModule.lessons) {
    await page.goto(`/modules/${courseModule.id}/lessons/${lesson.id}?lang=${language}`);
    seen.push(...(await playAs(page, lesson, shown, ui, learner, onStep)));
  }
  return { ui, words, shown, seen, courseModule };
}

async function certificateText(page: Page, ui: Record<string, string>, title: string, name: string) {
  await page.goto('/certificates');
  await page.getByRole('textbox', { name: ui['certificates.name'] }).fill(name);
  await page.getByRole('button', { name: ui['certificates.create'] }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: ui['certificate.title'] })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: ui['certificates.downloadPdf'] }).click();
  return execFileSync('pdftotext', [await (await download).path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const dutyTitle = (words: Record<string, string>) => words[stepKeys.title('what-happens-now', 'duty-to-report-wales')];

test('a learner in Wales reading Welsh, with Wales set in Your details, takes the Wales path to a certificate', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const cy = interfaceWords('cy');
  await page.goto('/profile?lang=cy');
  await expect(page.getByRole('heading', { level: 1, name: cy['profile.heading'] })).toBeVisible();
  await page.getByRole('combobox', { name: cy['profile.role'] }).selectOption('education');
  await page.getByRole('radio', { name: cy['nation.wales'], exact: true }).check();
  await expectNoViolations(page, 'Your details with a nation');
  await page.getByRole('button', { name: cy['profile.save'] }).click();
  await expect(page.getByText(cy['profile.saved'])).toBeVisible();

  const { words, shown, seen, courseModule } = await completeOrientation(page, 'cy', {
    role: 'education',
    nation: 'wales',
  });
  // The Wales decision on the duty to report, and the education path in the Wales words (DSP).
  expect(seen).toContain('duty-to-report-wales');
  expect(seen).toContain('after-class');
  expect(shown[stepKeys.option('what-it-means', 'after-class', 'listen-and-tell-dsl')]).toContain(
    'person diogelu dynodedig',
  );
  // The module's end: Wales's own services come first.
  const services = page.locator('.service-list--brief li');
  await expect(services.first()).toContainText(cy['support.meic.name']);
  await expect(services.nth(1)).toContainText(cy['support.liveFearFree.name']);
  await expectNoViolations(page, 'module end in Welsh, Wales');

  const pdf = await certificateText(page, cy, words.title, 'Gwenllian Ŵyn');
  await expect(page.getByText(cy['certificate.nationLine_wales'])).toBeVisible();
  expect(pdf).toContain(cy['certificate.nationLine_wales']);
  await expectNoViolations(page, 'certificate in Welsh, Wales');
  expect(courseModule.id).toBe('orientation');

  await page.goto('/support');
  await expect(page.locator('.service-list > li').first().getByRole('heading')).toHaveText(cy['support.meic.name']);
  await expectNoViolations(page, 'support page in Welsh, Wales');
  expect(dutyTitle(words)).toMatch(/Yng Nghymru/);
});

test('a learner in Wales reading English is asked their nation with their role, and meets s.130', async ({ page }) => {
  test.setTimeout(240_000);
  const en = interfaceWords('en');
  const { words } = loadModule('orientation');
  let explained = false;
  const { seen } = await completeOrientation(
    page,
    'en',
    { role: 'education', nation: 'wales' },
    async (stepId, state) => {
      if (state === 'choosingRole') {
        await expect(page.getByRole('heading', { name: en['lesson.askDetails.heading'] })).toBeVisible();
        await expect(page.getByRole('group', { name: en['profile.nation'] })).toBeVisible();
        await expectNoViolations(page, 'the role and nation question');
      }
      if (stepId === 'duty-to-report-wales' && state === 'answering') {
        await expect(page.getByRole('heading', { name: dutyTitle(words) })).toBeVisible();
      }
      if (stepId === 'duty-to-report-wales' && state === 'feedback') {
        await expect(
          page.getByText(/section 130 of the Social Services and Well-being \(Wales\) Act 2014/).first(),
        ).toBeVisible();
        await expectNoViolations(page, 'the Wales decision’s feedback');
        explained = true;
      }
    },
  );
  expect(seen).toContain('duty-to-report-wales');
  expect(explained).toBe(true);

  // Saved to Your details, and changeable there.
  await page.goto('/profile');
  await expect(page.getByRole('radio', { name: en['nation.wales'], exact: true })).toBeChecked();

  await page.goto('/support');
  await expect(page.locator('.service-list > li').first().getByRole('heading')).toHaveText(en['support.meic.name']);
  // Both nations see every service.
  await expect(page.getByRole('heading', { name: en['support.nspcc.name'] })).toBeVisible();

  const pdf = await certificateText(page, en, words.title, 'Sam Jones');
  await expect(page.getByText(en['certificate.nationLine_wales'])).toBeVisible();
  expect(pdf).toContain(en['certificate.nationLine_wales']);
});

test('a learner in England keeps the England path: no Wales decision, support in its usual order', async ({ page }) => {
  test.setTimeout(240_000);
  const en = interfaceWords('en');
  const { courseModule, words } = loadModule('orientation');
  const lesson = courseModule.lessons.find((candidate) => candidate.id === 'what-happens-now')!;
  await page.goto(`/modules/orientation/lessons/${lesson.id}`);
  const seen = await playAs(page, lesson, words, en, { role: 'police', nation: 'england' });
  expect(seen).not.toContain('duty-to-report-wales');
  expect(seen).toContain('which-recommendations');
  await page.goto('/support');
  await expect(page.locator('.service-list > li').first().getByRole('heading')).toHaveText(
    en['support.emergency.name'],
  );
  await expect(page.getByRole('heading', { name: en['support.meic.name'] })).toBeVisible();
});
