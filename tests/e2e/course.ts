// Reads a shipped module and its English words so end-to-end tests can find the right
// answers the way a learner would: by the words on screen.
import { readFileSync } from 'node:fs';
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { moduleSchema, type CourseModule, type DecisionStep, type Lesson } from '../../src/engine/contentSchema';
import { stepById } from '../../src/engine/lessonGraph';
import { stepKeys } from '../../src/engine/contentKeys';

export function loadModule(
  moduleId: string,
  language = 'en',
): { courseModule: CourseModule; words: Record<string, string> } {
  const courseModule = moduleSchema.parse(JSON.parse(readFileSync(`modules/${moduleId}/module.json`, 'utf8')));
  const words = JSON.parse(readFileSync(`locales/${language}/${moduleId}.json`, 'utf8')) as Record<string, string>;
  const catalogue = JSON.parse(readFileSync(`locales/${language}/catalogue.json`, 'utf8')) as Record<string, string>;
  // The module's title and description live in the catalogue namespace.
  return {
    courseModule,
    words: { ...words, title: catalogue[`${moduleId}.title`], description: catalogue[`${moduleId}.description`] },
  };
}

/** The interface words a test presses, in the language under test. */
export function interfaceWords(language = 'en'): Record<string, string> {
  return JSON.parse(readFileSync(`locales/${language}/ui.json`, 'utf8')) as Record<string, string>;
}

const english = interfaceWords('en');

export function optionLabel(words: Record<string, string>, lessonId: string, stepId: string, optionId: string): string {
  return words[stepKeys.option(lessonId, stepId, optionId)];
}

export function explanation(words: Record<string, string>, lessonId: string, stepId: string, optionId: string): string {
  return words[stepKeys.explanation(lessonId, stepId, optionId)];
}

/** Presses Tab until the element has focus, proving it can be reached with the keyboard alone. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Could not reach ${target.toString()} with the Tab key`);
}

export async function pressByKeyboard(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

export async function currentStepId(page: Page): Promise<{ stepId: string; state: string }> {
  // A prerendered first step is on screen before the app has taken it over; wait until it answers.
  const lesson = page.locator('.lesson[data-ready]');
  await expect(lesson).toBeVisible();
  return {
    stepId: (await lesson.getAttribute('data-step-id')) as string,
    state: (await lesson.getAttribute('data-state')) as string,
  };
}

/** Chooses options with the keyboard: arrow keys within a radio group, Space on checkboxes. */
export async function chooseByKeyboard(
  page: Page,
  step: DecisionStep,
  optionIds: string[],
  labelOf: (optionId: string) => string,
) {
  const multiple = step.kind === 'question' && step.mode === 'multiple';
  if (multiple) {
    for (const optionId of optionIds) {
      const box = page.getByRole('checkbox', { name: labelOf(optionId), exact: true });
      await tabTo(page, box);
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
    }
    return;
  }
  // Options are shuffled per learner and attempt, so find the chosen one by its label, not its place.
  const radios = page.locator('.options input[type="radio"]');
  const values = await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  const index = values.indexOf(optionIds[0] as string);
  expect(index, `option ${optionIds[0]} is on the page`).toBeGreaterThanOrEqual(0);
  const first = page.getByRole('radio', { name: labelOf(values[0] as string), exact: true });
  await tabTo(page, first);
  if (index === 0) await page.keyboard.press('Space');
  for (let move = 0; move < index; move++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: labelOf(optionIds[0] as string), exact: true })).toBeChecked();
}

/**
 * Answers the role question a lesson asks at its first role or nation branch when the learner has
 * given no role: "Prefer not to say" (the question written for everyone), or the role given; and,
 * when the same form asks where they work, the nation given (England unless told).
 */
export async function answerRoleQuestion(
  page: Page | FrameLocator,
  ui: Record<string, string> = english,
  role?: string,
  nation: 'england' | 'wales' = 'england',
): Promise<void> {
  const name = role ? ui[`role.${role}`] : ui['profile.roleNone'];
  await expect(page.getByRole('button', { name: ui['lesson.continue'], exact: true })).toBeVisible();
  const roleRadio = page.getByRole('radio', { name, exact: true });
  if ((await roleRadio.count()) > 0) await roleRadio.check();
  const nationRadio = page.getByRole('radio', { name: ui[`nation.${nation}`], exact: true });
  if ((await nationRadio.count()) > 0) await nationRadio.check();
  await page.getByRole('button', { name: ui['lesson.continue'], exact: true }).click();
}

export function correctOptionIds(step: DecisionStep): string[] {
  const correct = step.options.filter((option) => option.correct).map((option) => option.id);
  return step.kind === 'scenario' || step.mode === 'single' ? correct.slice(0, 1) : correct;
}

/**
 * Takes one step through a lesson as a learner would (continue, or choose the right answer and
 * check it) and waits for the page to move on. Returns whether an answer was given, or null at the end.
 */
export async function takeOneStep(
  page: Page,
  lesson: Lesson,
  words: Record<string, string>,
  ui: Record<string, string> = english,
): Promise<boolean | null> {
  const { stepId, state } = await currentStepId(page);
  if (state === 'summary') return null;
  let answered = false;
  if (state === 'answering') {
    const step = stepById(lesson, stepId) as DecisionStep;
    await chooseByKeyboard(page, step, correctOptionIds(step), (optionId) =>
      optionLabel(words, lesson.id, stepId, optionId),
    );
    await page.getByRole('button', { name: ui['lesson.checkAnswer'], exact: true }).click();
    answered = true;
  } else if (state === 'choosingRole') {
    await answerRoleQuestion(page, ui);
  } else if (state === 'contentNote') {
    await page.getByRole('button', { name: ui['contentNote.continue'], exact: true }).click();
  } else {
    await page.getByRole('button', { name: ui['lesson.continue'], exact: true }).click();
  }
  await expect.poll(async () => JSON.stringify(await currentStepId(page))).not.toBe(JSON.stringify({ stepId, state }));
  return answered;
}

/** Plays a lesson to its summary choosing right answers; returns how many answers were given. */
export async function playLesson(
  page: Page,
  lesson: Lesson,
  words: Record<string, string>,
  ui: Record<string, string> = english,
): Promise<number> {
  let answers = 0;
  for (let guard = 0; guard < 80; guard++) {
    const answered = await takeOneStep(page, lesson, words, ui);
    if (answered === null) return answers;
    if (answered) answers++;
  }
  throw new Error(`lesson ${lesson.id} did not end`);
}

/** Every page that needs no module or lesson id, for checks that should cover the whole app. */
export const STATIC_PAGES = [
  '/',
  '/certificates',
  '/verify',
  '/profile',
  '/settings',
  '/my-data',
  '/sources',
  '/about',
  '/support',
  '/safety',
  '/accessibility',
  '/trainer',
  '/assignment',
  '/certificates/import',
];

/** How far the page scrolls sideways: 0 when everything reflows into the viewport. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
