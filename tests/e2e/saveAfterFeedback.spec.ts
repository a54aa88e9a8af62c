// An answer is written after its feedback is painted (src/features/lesson-player/afterNextPaint.ts).
// A learner who closes the tab or reloads the moment the feedback shows must still find the answer
// and their place saved.
import { expect, test, type Page } from '@playwright/test';
import type { DecisionStep } from '../../src/engine/contentSchema';
import { stepById } from '../../src/engine/lessonGraph';
import { correctOptionIds, currentStepId, interfaceWords, loadModule, optionLabel, takeOneStep } from './course';

const ui = interfaceWords('en');
const { courseModule, words } = loadModule('adultification');
const lesson = courseModule.lessons[0]!;
const lessonPath = `/modules/adultification/lessons/${lesson.id}`;

/** Reads up to the first question, chooses the right answer and checks it; returns the step id. */
async function answerAndCheck(page: Page): Promise<string> {
  await page.goto(lessonPath);
  while ((await currentStepId(page)).state !== 'answering') await takeOneStep(page, lesson, words);
  const { stepId } = await currentStepId(page);
  const step = stepById(lesson, stepId) as DecisionStep;
  const [optionId] = correctOptionIds(step);
  await page.getByRole('radio', { name: optionLabel(words, lesson.id, stepId, optionId!), exact: true }).check();
  // Click and wait for the feedback in one go inside the page, so nothing else happens in between.
  await page.evaluate(async (label) => {
    const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === label);
    button?.click();
    while (!document.querySelector('.step--feedback')) await new Promise((resolve) => setTimeout(resolve, 1));
  }, ui['lesson.checkAnswer']);
  return stepId;
}

test('an answer is kept when the tab is closed as soon as its feedback shows', async ({ context }) => {
  const page = await context.newPage();
  const stepId = await answerAndCheck(page);
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(lessonPath);
  await expect(again.locator(`.lesson[data-step-id="${stepId}"][data-state="feedback"]`)).toBeVisible();
  await expect(again.getByRole('heading', { level: 2, name: ui['feedback.right'] })).toBeVisible();
});

test('an answer is kept when the page is reloaded as soon as its feedback shows', async ({ page }) => {
  const stepId = await answerAndCheck(page);
  await page.reload();
  await expect(page.locator(`.lesson[data-step-id="${stepId}"][data-state="feedback"]`)).toBeVisible();
});
