import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { DecisionStep } from '../../src/engine/contentSchema';
import { stepById } from '../../src/engine/lessonGraph';
import { chooseByKeyboard, correctOptionIds, currentStepId, loadModule, optionLabel } from './course';

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
  ['/no-such-page', 'Page not found'],
] as const) {
  test(`no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoViolations(page, path);
  });
}

test('no WCAG 2.2 A/AA violations in the reading, question, feedback and summary states', async ({ page }) => {
  const seen = new Set<string>();
  for (const lesson of courseModule.lessons) {
    await page.goto(`/modules/${courseModule.id}/lessons/${lesson.id}`);
    for (let guard = 0; guard < 60; guard++) {
      const { stepId, state } = await currentStepId(page);
      if (!seen.has(state)) {
        if (
          state === 'feedback' &&
          (await page.getByRole('button', { name: /Show why the other answers/ }).count()) > 0
        ) {
          await page.getByRole('button', { name: /Show why the other answers/ }).click();
        }
        await expectNoViolations(page, `${lesson.id}/${stepId} (${state})`);
        seen.add(state);
      }
      if (state === 'summary') break;
      if (state === 'answering') {
        const step = stepById(lesson, stepId) as DecisionStep;
        await chooseByKeyboard(page, step, correctOptionIds(step), (optionId) =>
          optionLabel(words, lesson.id, stepId, optionId),
        );
        await page.getByRole('button', { name: 'Check my answer' }).click();
      } else {
        await page.getByRole('button', { name: 'Continue' }).click();
      }
      await expect
        .poll(async () => JSON.stringify(await currentStepId(page)))
        .not.toBe(JSON.stringify({ stepId, state }));
    }
    if (seen.size === 4) break;
  }
  expect([...seen].sort()).toEqual(['answering', 'feedback', 'reading', 'summary']);
});
