import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { currentStepId, interfaceWords, loadModule, takeOneStep } from './course';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const { courseModule, words } = loadModule('adultification');

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

for (const [path, heading] of [
  ['/', 'Your training'],
  [`/modules/${courseModule.id}`, words.title],
  ['/sources', 'Sources'],
  ['/about', 'About this course'],
  ['/support', 'Get support'],
  ['/profile', 'Your details'],
  ['/settings', 'Display settings'],
  ['/my-data', 'My data'],
  ['/accessibility', 'Accessibility statement'],
  ['/trainer', 'Trainer area'],
  ['/assignment', 'Open an assignment'],
  ['/certificates/import', 'Add a certificate from your trainer'],
  ['/no-such-page', 'Page not found'],
] as const) {
  test(`no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoViolations(page, path);
  });
}

test('no WCAG 2.2 A/AA violations with high contrast and larger text', async ({ page }) => {
  await page.goto('/settings');
  await page.evaluate(() =>
    localStorage.setItem(
      'heard.display',
      JSON.stringify({ textSize: 'larger', contrast: 'high', spacing: 'wide', font: 'readable' }),
    ),
  );
  for (const path of ['/', `/modules/${courseModule.id}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page, `${path} (high contrast)`);
  }
});

for (const language of ['en', 'cy']) {
  test(`[${language}] no WCAG 2.2 A/AA violations in every lesson state`, async ({ page }) => {
    const ui = interfaceWords(language);
    const { courseModule, words } = loadModule('adultification', language);
    await page.goto(`/?lang=${language}`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const seen = new Set<string>();
    const scan = async (label: string) => {
      if (seen.has(label)) return;
      if (label === 'feedback') await page.getByRole('button', { name: ui['feedback.showOthers'] }).click();
      await expectNoViolations(page, `${label} (${language})`);
      seen.add(label);
    };
    for (const lesson of courseModule.lessons) {
      await page.goto(`/modules/${courseModule.id}/lessons/${lesson.id}`);
      for (let guard = 0; guard < 80; guard++) {
        await scan((await currentStepId(page)).state);
        if ((await takeOneStep(page, lesson, words, ui)) === null) break;
      }
      await scan('summary');
    }
    const coach = loadModule('survivor-centred-practice', language);
    const coachLesson = coach.courseModule.lessons.find((lesson) =>
      lesson.steps.some((step) => step.kind === 'rewrite'),
    );
    if (coachLesson) {
      await page.goto(`/modules/${coach.courseModule.id}/lessons/${coachLesson.id}`);
      for (let guard = 0; guard < 20; guard++) {
        const { stepId } = await currentStepId(page);
        if (coachLesson.steps.find((step) => step.id === stepId)?.kind === 'rewrite') break;
        await takeOneStep(page, coachLesson, coach.words, ui);
      }
      await expect(page.getByRole('textbox')).toBeVisible();
      await scan('rewrite');
    }
    expect([...seen].sort()).toEqual([
      'answering',
      'choosingRole',
      'contentNote',
      'feedback',
      'reading',
      'rewrite',
      'summary',
    ]);
  });
}
