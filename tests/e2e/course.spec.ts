import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Role } from '../../src/engine/contentSchema';
import { currentStepId, loadModule, takeOneStep } from './course';

const courseModuleIds = (JSON.parse(readFileSync('modules/course.json', 'utf8')) as { modules: string[] }).modules;
const roleLabels: Record<Role, string> = {
  police: 'Police',
  'social-care': 'Children’s social care',
  education: 'Education',
  health: 'Health',
  'licensing-council': 'Licensing or council',
  other: 'Another role',
};

async function setRole(page: Page, role: Role) {
  await page.goto('/profile');
  await page.getByRole('combobox', { name: 'Your role' }).selectOption({ label: roleLabels[role] });
  await page.getByRole('button', { name: 'Save my details' }).click();
  await expect(page.getByText('Your details are saved on this device.')).toBeVisible();
}

for (const moduleId of courseModuleIds) {
  const { courseModule, words } = loadModule(moduleId);
  const withRoles = courseModule.lessons.find((lesson) => lesson.steps.some((step) => step.kind === 'roleBranch'));

  test(`${moduleId}: a learner's role picks the path written for it`, async ({ page }) => {
    expect(withRoles, 'a lesson with role paths').toBeDefined();
    if (!withRoles) return;
    const branch = withRoles.steps.find((step) => step.kind === 'roleBranch');
    if (branch?.kind !== 'roleBranch') return;
    const [role, target] = Object.entries(branch.routes)[0] as [Role, string];
    await setRole(page, role);
    await page.goto(`/modules/${moduleId}/lessons/${withRoles.id}`);
    const visited = new Set<string>();
    for (let guard = 0; guard < 80; guard++) {
      visited.add((await currentStepId(page)).stepId);
      if ((await takeOneStep(page, withRoles, words)) === null) break;
    }
    expect([...visited]).toContain(target);
    await expect(page.getByRole('heading', { name: 'Your decisions' })).toBeVisible();
  });
}

test('a trainer’s role path (?role= from an assignment) wins over the role in the learner’s details', async ({
  page,
}) => {
  const { courseModule, words } = loadModule('boyfriend-model');
  const lesson = courseModule.lessons.find((candidate) => candidate.steps.some((step) => step.kind === 'roleBranch'));
  const branch = lesson?.steps.find((step) => step.kind === 'roleBranch');
  if (!lesson || branch?.kind !== 'roleBranch') throw new Error('no role paths');
  const routes = Object.entries(branch.routes) as [Role, string][];
  const [[ownRole, ownTarget], [assignedRole, assignedTarget]] = routes;
  expect(assignedTarget).not.toBe(ownTarget);
  await setRole(page, ownRole);
  await page.goto(`/modules/${courseModule.id}/lessons/${lesson.id}?role=${assignedRole}`);
  const visited = new Set<string>();
  for (let guard = 0; guard < 80; guard++) {
    visited.add((await currentStepId(page)).stepId);
    if ((await takeOneStep(page, lesson, words)) === null) break;
  }
  expect([...visited]).toContain(assignedTarget);
  expect([...visited]).not.toContain(ownTarget);
});

test('the language coach flags terms to avoid as a learner rewrites a case note', async ({ page }) => {
  const { courseModule, words } = loadModule('survivor-centred-practice');
  const lesson = courseModule.lessons.find((candidate) => candidate.steps.some((step) => step.kind === 'rewrite'));
  if (!lesson) throw new Error('no language-coach lesson');
  await page.goto(`/modules/${courseModule.id}/lessons/${lesson.id}`);
  for (let guard = 0; guard < 20; guard++) {
    const { stepId } = await currentStepId(page);
    if (lesson.steps.find((step) => step.id === stepId)?.kind === 'rewrite') break;
    await takeOneStep(page, lesson, words);
  }
  const box = page.getByRole('textbox');
  await expect(box).toBeVisible();
  await expect(page.getByText(/terms? to avoid in your version/)).toBeVisible();
  await box.fill('Adults have been targeting and exploiting her.');
  await expect(page.getByText('No terms to avoid found in your version.')).toBeVisible();
  await box.pressSequentially(' She was streetwise.');
  await expect(page.getByText('1 term to avoid in your version:')).toBeVisible();
  await expect(page.getByText('Why it harms:')).toBeVisible();
  await page.getByRole('button', { name: 'Compare with a model answer' }).click();
  await expect(page.getByText('A model answer')).toBeVisible();
});

test('a content note’s alternative route completes the lesson without the scenario', async ({ page }) => {
  const { courseModule, words } = loadModule('adultification');
  const lesson = courseModule.lessons.find((candidate) => candidate.steps.some((step) => step.kind === 'contentNote'));
  if (!lesson) throw new Error('no lesson with a content note');
  await page.goto(`/modules/${courseModule.id}/lessons/${lesson.id}`);
  for (let guard = 0; guard < 10 && (await currentStepId(page)).state !== 'contentNote'; guard++) {
    await takeOneStep(page, lesson, words);
  }
  await expect(page.getByText('Content note', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Take the alternative route' }).click();
  const scenarioStages = new Set(lesson.steps.filter((step) => step.kind === 'scenario').map((step) => step.id));
  for (let guard = 0; guard < 40; guard++) {
    const { stepId } = await currentStepId(page);
    expect(scenarioStages.has(stepId)).toBe(false);
    if ((await takeOneStep(page, lesson, words)) === null) break;
  }
  await expect(page.getByRole('heading', { name: 'Your decisions' })).toBeVisible();
  await page.goto(`/modules/${courseModule.id}`);
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: words[`${lesson.id}.title`] })
      .getByText('Done', { exact: true }),
  ).toBeVisible();
});

test('the sources page lists every source with the claims that cite it', async ({ page }) => {
  const sources = JSON.parse(readFileSync('modules/sources.json', 'utf8')) as { id: string; outlet: string }[];
  await page.goto('/sources');
  await expect(page.locator('.source-list > li')).toHaveCount(sources.length);
  await page
    .getByText(/^Cited in \d+ place/)
    .first()
    .click();
  await expect(page.locator('details[open] li').first()).toBeVisible();
});
