import { expect, test, type Page } from '@playwright/test';
import type { DecisionStep } from '../../src/engine/contentSchema';
import { stepById } from '../../src/engine/lessonGraph';
import {
  chooseByKeyboard,
  correctOptionIds,
  currentStepId,
  horizontalOverflow,
  loadModule,
  optionLabel,
  STATIC_PAGES,
} from './course';

const { courseModule, words } = loadModule('adultification');
const lesson = courseModule.lessons[0];
const lessonPath = `/modules/${courseModule.id}/lessons/${lesson.id}`;

/** Walks the first lesson until it shows a question, and returns that step's id. */
async function openFirstQuestion(page: Page): Promise<string> {
  await page.goto(lessonPath);
  for (let guard = 0; guard < 20; guard++) {
    const { stepId, state } = await currentStepId(page);
    if (state === 'answering') return stepId;
    await page
      .getByRole('button', { name: /^Continue/ })
      .first()
      .click();
    await expect.poll(async () => (await currentStepId(page)).stepId).not.toBe(stepId);
  }
  throw new Error('no question found in the first lesson');
}

async function answer(page: Page, stepId: string) {
  const step = stepById(lesson, stepId) as DecisionStep;
  await chooseByKeyboard(page, step, correctOptionIds(step), (optionId) =>
    optionLabel(words, lesson.id, stepId, optionId),
  );
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('heading', { name: /Right answer/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Progress saved' })).toBeVisible();
}

async function expectNeutral(page: Page) {
  await expect(page).toHaveURL(/\/neutral\.html$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Easy vegetable soup' })).toBeVisible();
  expect(await page.title()).toBe('Easy vegetable soup');
}

test('the Exit this page button leaves from feedback, Back does not return, and the course resumes later', async ({
  page,
}) => {
  await page.goto('/');
  const stepId = await openFirstQuestion(page);
  await answer(page, stepId);
  await page.getByRole('button', { name: 'Exit this page' }).click();
  await expectNeutral(page);

  await page.goBack();
  await expectNeutral(page);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toBeVisible();
  await page.getByRole('link', { name: 'Continue', exact: true }).click();
  expect(await currentStepId(page)).toEqual({ stepId, state: 'feedback' });
});

test('pressing Shift three times on a question leaves at once, with a visible count', async ({ page }) => {
  await page.goto('/');
  await openFirstQuestion(page);
  await page.keyboard.press('Shift');
  await expect(page.getByText('Shift pressed 1 of 3 times')).toBeVisible();
  await page.keyboard.press('Shift');
  await expect(page.getByText('Shift pressed 2 of 3 times')).toBeVisible();
  await page.keyboard.press('Shift');
  await expectNeutral(page);
  await page.goBack();
  await expectNeutral(page);
});

test('quick exit works by keyboard from feedback and by button from a question', async ({ page }) => {
  await page.goto('/');
  const stepId = await openFirstQuestion(page);
  await answer(page, stepId);
  for (let press = 0; press < 3; press++) await page.keyboard.press('Shift');
  await expectNeutral(page);

  await page.goto('/');
  await openFirstQuestion(page);
  await page.getByRole('button', { name: 'Exit this page' }).click();
  await expectNeutral(page);
  await page.goBack();
  await expectNeutral(page);
});

test('typing capital letters never triggers the quick exit', async ({ page }) => {
  await page.goto('/profile');
  const name = page.getByRole('textbox', { name: 'Your name' });
  await name.click();
  await page.keyboard.type('ABC DEF');
  await expect(name).toHaveValue('ABC DEF');
  await expect(page).toHaveURL(/\/profile$/);
});

test('the tab title never names the subject', async ({ page }) => {
  for (const path of ['/', `/modules/${courseModule.id}`, lessonPath, '/sources', '/support']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.title()).not.toMatch(/exploit|abuse|groom|adultif|sexual|casey/i);
  }
});

test('no page scrolls sideways at 320 pixels wide, even with text at 200%', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const paths = [...STATIC_PAGES, `/modules/${courseModule.id}`, lessonPath];
  for (const textSize of ['default', 'largest']) {
    await page.goto('/settings');
    await page.evaluate((size) => localStorage.setItem('heard.display', JSON.stringify({ textSize: size })), textSize);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await horizontalOverflow(page), `${path} at ${textSize} text`).toBeLessThanOrEqual(0);
    }
  }
});

test('display settings apply at once and are kept on the device', async ({ page }) => {
  await page.goto('/settings');
  await page.getByRole('radio', { name: 'Larger' }).check();
  await page.getByRole('radio', { name: /High contrast/ }).check();
  await expect(page.getByRole('status').filter({ hasText: 'saved on this device' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'larger');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expect(page.getByRole('radio', { name: 'Larger' })).toBeChecked();
});
