// A pass has to be earned: a learner who guesses is not passed, is told which lessons to take
// again, and passes by taking just those again well.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { isDecisionStep, type DecisionStep, type Lesson } from '../../src/engine/contentSchema';
import { stepById } from '../../src/engine/lessonGraph';
import { answerRoleQuestion, currentStepId, interfaceWords, loadModule, optionLabel } from './course';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const { courseModule, words } = loadModule('adultification');
const ui = interfaceWords();
const title = (lessonId: string) => words[`${lessonId}.title`];

/** How a learner picks at a decision: the ids to tick, from the options in the order shown. */
type Pick = (step: DecisionStep, shown: string[]) => string[];

/** The right options, whatever order they are shown in. */
const chooseRight: Pick = (step) => {
  const right = step.options.filter((option) => option.correct).map((option) => option.id);
  return step.kind === 'scenario' || step.mode === 'single' ? right.slice(0, 1) : right;
};

/**
 * Plays a lesson to its summary, choosing with `pick`; returns whether every decision was right and
 * whether every decision's options were shown in the order the content lists them.
 */
async function playChoosing(page: Page, lesson: Lesson, pick: Pick) {
  let allRight = true;
  let contentOrder = true;
  for (let guard = 0; guard < 80; guard++) {
    const { stepId, state } = await currentStepId(page);
    if (state === 'summary') return { allRight, contentOrder };
    if (state === 'answering') {
      const step = stepById(lesson, stepId);
      if (!isDecisionStep(step)) throw new Error(`${lesson.id}.${stepId} is not a decision`);
      const multiple = step.kind === 'question' && step.mode === 'multiple';
      const boxes = page.getByRole(multiple ? 'checkbox' : 'radio');
      const names = await boxes.evaluateAll((elements) =>
        elements.map((element) => (element as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''),
      );
      const idOf = (name: string) => {
        const option = step.options.find((candidate) => optionLabel(words, lesson.id, stepId, candidate.id) === name);
        if (!option) throw new Error(`${lesson.id}.${stepId}: no option labelled "${name}"`);
        return option.id;
      };
      const shown = names.map(idOf);
      if (shown.join() !== step.options.map((option) => option.id).join()) contentOrder = false;
      const chosen = pick(step, shown);
      for (const optionId of chosen)
        await page
          .getByRole(multiple ? 'checkbox' : 'radio', {
            name: optionLabel(words, lesson.id, stepId, optionId),
            exact: true,
          })
          .check();
      const right = step.options.filter((option) => option.correct).map((option) => option.id);
      if (right.length !== chosen.length || !right.every((optionId) => chosen.includes(optionId))) allRight = false;
      await page.getByRole('button', { name: ui['lesson.checkAnswer'], exact: true }).click();
    } else if (state === 'choosingRole') {
      await answerRoleQuestion(page, ui);
    } else if (state === 'contentNote') {
      await page.getByRole('button', { name: ui['contentNote.continue'], exact: true }).click();
    } else {
      await page.getByRole('button', { name: ui['lesson.continue'], exact: true }).click();
    }
    await expect
      .poll(async () => JSON.stringify(await currentStepId(page)))
      .not.toBe(JSON.stringify({ stepId, state }));
  }
  throw new Error(`lesson ${lesson.id} did not end`);
}

/** Takes every lesson of the module in turn from the module page; returns the lessons with a decision gone wrong. */
async function takeModule(page: Page, pickFor: (lesson: Lesson) => Pick) {
  await page.goto(`/modules/${courseModule.id}`);
  await page.getByRole('link', { name: 'Start the module', exact: true }).click();
  const wrong: string[] = [];
  let contentOrder = true;
  for (const [index, lesson] of courseModule.lessons.entries()) {
    await expect(page.getByRole('heading', { level: 1, name: title(lesson.id) })).toBeVisible();
    const played = await playChoosing(page, lesson, pickFor(lesson));
    if (!played.allRight) wrong.push(lesson.id);
    contentOrder &&= played.contentOrder;
    const last = index === courseModule.lessons.length - 1;
    await page
      .getByRole('link', { name: last ? ui['summary.finishModule'] : ui['summary.nextLesson'], exact: true })
      .click();
  }
  await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
  return { wrong, contentOrder };
}

/** On the module page: shows exactly these lessons to take again, then takes each again choosing right answers. */
async function takeAgainWell(page: Page, lessonIds: string[]) {
  await expect(page.getByText(ui['status.not-passed'], { exact: true })).toBeVisible();
  const route = page.getByRole('region', { name: 'Your route to passing' });
  for (const lesson of courseModule.lessons) {
    const button = route.getByRole('button', { name: `Take “${title(lesson.id)}” again`, exact: true });
    if (lessonIds.includes(lesson.id)) await expect(button).toBeVisible();
    else await expect(button).toHaveCount(0);
  }
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  for (const lessonId of lessonIds) {
    // Taking some of the flagged lessons again well can already lift the score over the pass mark.
    if ((await page.getByText(ui['status.passed'], { exact: true }).count()) > 0) break;
    const lesson = courseModule.lessons.find((candidate) => candidate.id === lessonId)!;
    await page
      .getByRole('region', { name: 'Your route to passing' })
      .getByRole('button', { name: `Take “${title(lessonId)}” again`, exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: title(lessonId) })).toBeVisible();
    expect((await playChoosing(page, lesson, chooseRight)).allRight).toBe(true);
    await page.getByRole('link', { name: ui['summary.backToModule'], exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
  }
  await expect(page.getByText(ui['status.passed'], { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your route to passing' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Get your certificate for this module' })).toBeVisible();
}

test('a learner who always picks the first option shown does not pass, and passes by taking the flagged lessons again well', async ({
  page,
}) => {
  const { wrong, contentOrder } = await takeModule(page, () => (_step, shown) => shown.slice(0, 1));
  // Content lists the right option first far more often than chance; only shuffled options make a
  // guesser fail. Until the lesson player shuffles them this journey cannot be a fair test.
  test.skip(contentOrder, 'options are shown in content order: needs the option shuffling of issue 14');
  expect(wrong.length).toBeGreaterThan(0);
  await takeAgainWell(page, wrong);
});

test('a learner below the pass mark is shown the lessons that pulled the score down, and passes by taking just those again', async ({
  page,
}) => {
  const [first, second] = courseModule.lessons;
  const chooseWrong: Pick = (step) => [step.options.find((option) => !option.correct)!.id];
  const { wrong } = await takeModule(page, (lesson) =>
    lesson.id === first.id || lesson.id === second.id ? chooseWrong : chooseRight,
  );
  expect(wrong).toEqual([first.id, second.id]);
  await expect(page.getByRole('link', { name: 'Review the module' })).toHaveCount(0);
  await takeAgainWell(page, wrong);
});
