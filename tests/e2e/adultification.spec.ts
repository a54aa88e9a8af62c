import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { isDecisionStep, type DecisionStep } from '../../src/engine/contentSchema';
import { stepById } from '../../src/engine/lessonGraph';
import {
  chooseByKeyboard,
  correctOptionIds,
  answerRoleQuestion,
  currentStepId,
  explanation,
  loadModule,
  optionLabel,
  pressByKeyboard,
} from './course';

const { courseModule, words } = loadModule('adultification');

test('a learner completes the Adultification module with the keyboard alone and resumes after a reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
  await pressByKeyboard(page, page.getByRole('link', { name: words.title, exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Content note' })).toBeVisible();
  await expect(page.getByText(/are composites/)).toBeVisible();
  await pressByKeyboard(page, page.getByRole('link', { name: 'Start the module' }));

  let shownWrong = false;
  let shownRight = false;
  let reloadedInScenario = false;

  for (const [lessonIndex, lesson] of courseModule.lessons.entries()) {
    await expect(page.getByRole('heading', { level: 1, name: words[`${lesson.id}.title`] })).toBeVisible();
    for (let guard = 0; guard < 60; guard++) {
      const { stepId, state } = await currentStepId(page);
      const step = stepById(lesson, stepId);
      if (state === 'summary') break;
      if (state === 'choosingRole') {
        await answerRoleQuestion(page);
        continue;
      }
      if (state === 'reading') {
        await pressByKeyboard(page, page.getByRole('button', { name: 'Continue', exact: true }));
        continue;
      }
      if (state === 'contentNote') {
        await expect(page.getByRole('button', { name: 'Take the alternative route' })).toBeVisible();
        await expect(
          page.locator('.step--content-note').getByRole('link', { name: 'Staying private while you use this course' }),
        ).toBeVisible();
        await pressByKeyboard(page, page.getByRole('button', { name: 'Continue to the scenario' }));
        continue;
      }
      expect(isDecisionStep(step)).toBe(true);
      const decision = step as DecisionStep;
      const labelOf = (optionId: string) => optionLabel(words, lesson.id, stepId, optionId);
      const wrong = decision.options.find((option) => !option.correct);
      const chooseWrong = !shownWrong && decision.kind === 'question' && decision.mode === 'single' && wrong;
      const chosen = chooseWrong ? [wrong.id] : correctOptionIds(decision);

      await chooseByKeyboard(page, decision, chosen, labelOf);
      await pressByKeyboard(page, page.getByRole('button', { name: 'Check my answer' }));

      if (chooseWrong) {
        await expect(page.getByRole('heading', { level: 2, name: /Not the best answer/ })).toBeFocused();
        // Screen readers hear the verdict and the reason from the live region.
        await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Not the best answer' })).toHaveText(
          `Not the best answer ${explanation(words, lesson.id, stepId, chosen[0])}`,
        );
        await expect(page.getByText(explanation(words, lesson.id, stepId, chosen[0]), { exact: true })).toBeVisible();
        shownWrong = true;
      } else {
        await expect(page.getByRole('heading', { level: 2, name: /Right answer/ })).toBeFocused();
        for (const optionId of chosen)
          await expect(page.getByText(explanation(words, lesson.id, stepId, optionId), { exact: true })).toBeVisible();
        shownRight = true;
      }

      if (
        decision.kind === 'scenario' &&
        !reloadedInScenario &&
        (await page.locator('.lesson').getAttribute('data-step-id')) !== lesson.start
      ) {
        await expect(page.getByRole('status').filter({ hasText: 'Progress saved' })).toBeVisible();
        await page.reload();
        expect(await currentStepId(page)).toEqual({ stepId, state: 'feedback' });
        await expect(page.getByText(explanation(words, lesson.id, stepId, chosen[0]), { exact: true })).toBeVisible();
        reloadedInScenario = true;
      }
      await pressByKeyboard(page, page.getByRole('button', { name: 'Continue', exact: true }));
    }

    await expect(page.getByRole('heading', { name: 'Your decisions' })).toBeVisible();
    const last = lessonIndex === courseModule.lessons.length - 1;
    await pressByKeyboard(page, page.getByRole('link', { name: last ? 'See your module result' : 'Next lesson' }));
  }

  expect(shownWrong && shownRight && reloadedInScenario).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
  await expect(page.getByText('Passed', { exact: true }).first()).toBeVisible();

  await pressByKeyboard(page, page.getByRole('link', { name: 'Your training' }).first());
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: words.title }) });
  await expect(card.getByText('Passed', { exact: true })).toBeVisible();
  await expect(
    card.getByText(`${courseModule.lessons.length} of ${courseModule.lessons.length} lessons done`),
  ).toBeVisible();

  // The passed module earns a certificate: made offline, downloaded as a PDF, and verified by its code.
  await page.goto('/certificates');
  await page.getByRole('textbox', { name: 'Your name, as it should appear' }).fill('Siân Ŵyn');
  await page.getByRole('button', { name: 'Create my certificate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is ready' })).toBeVisible();
  await page.getByRole('link', { name: words.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificate of completion' })).toBeVisible();
  await expect(page.getByText('Siân Ŵyn', { exact: true })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the PDF' }).click();
  const pdfPath = await (await download).path();
  const pdfText = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('Siân Ŵyn');
  expect(pdfText).toContain('Certificate of completion');
  await page.getByRole('link', { name: 'Check this certificate' }).click();
  await expect(
    page.getByRole('heading', { name: 'Self-declared: made on the learner’s own device, not checked by anyone' }),
  ).toBeVisible();
  await expect(page.getByText('Siân Ŵyn', { exact: true })).toBeVisible();
});
