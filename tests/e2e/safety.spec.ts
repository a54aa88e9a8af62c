import AxeBuilder from '@axe-core/playwright';
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

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
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

test.describe('on a phone (390 × 844, touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the exit button stays in view after answering, however far the page scrolls, and one tap leaves', async ({
    page,
  }) => {
    await page.goto('/');
    const exit = page.getByRole('button', { name: 'Exit this page' });
    const stepId = await openFirstQuestion(page);
    await expect(exit).toBeInViewport();
    await answer(page, stepId);
    // Focus has moved to the feedback, scrolling the page; the button is still on screen.
    await expect(page.getByRole('heading', { name: /Right answer/ })).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect(exit).toBeInViewport();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(exit).toBeInViewport();
    await exit.tap();
    await expectNeutral(page);
    await page.goBack();
    await expectNeutral(page);
  });

  test('the header is one short row, with the links behind a Menu button that closes on a new page', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
    const header = await page.locator('.site-header').boundingBox();
    const exitBar = await page.locator('.quick-exit-bar').boundingBox();
    // learners.md #15: the header and tools took about 35% of a phone screen.
    expect(((header?.height ?? 0) + (exitBar?.height ?? 0)) / 844).toBeLessThan(0.2);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('link', { name: 'Certificates' })).toBeHidden();
    await menu.tap();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expectNoAxeViolations(page, '/ with the menu open');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certificates' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('link', { name: 'Support', exact: true })).toBeHidden();
  });
});

test('the page goes blank at once and says it is loading, as GOV.UK’s overlay does', async ({ page }) => {
  // What was on screen the moment the overlay appeared, reported before the page goes.
  const seen: { text: string; role: string; mainShown: boolean; exitShown: boolean }[] = [];
  await page.exposeFunction('reportOverlay', (report: (typeof seen)[number]) => seen.push(report));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
  await page.evaluate(() => {
    const shown = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0 : false;
    };
    new MutationObserver(() => {
      const overlay = document.querySelector('.quick-exit-overlay');
      if (!overlay?.textContent) return;
      (window as unknown as { reportOverlay: (report: unknown) => void }).reportOverlay({
        text: overlay.textContent,
        role: overlay.getAttribute('role'),
        mainShown: shown('main'),
        exitShown: shown('.button--exit'),
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Exit this page' }).click();
  await expectNeutral(page);
  expect(seen[0]).toEqual({ text: 'Loading.', role: 'alert', mainShown: false, exitShown: false });
});

test('the safety page is linked from the first screen and the support page, in English and Welsh', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'Staying private while you use this course' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Staying private while you use this course' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What the button cannot do' })).toBeVisible();
  await expect(page.getByText('It does not erase your browsing history.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Browsing privately' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Using a shared or work device' })).toBeVisible();
  await expectNoAxeViolations(page, '/safety');

  await page.goto('/support');
  await page.getByRole('main').getByRole('link', { name: 'Staying private while you use this course' }).click();
  await expect(page).toHaveURL(/\/safety$/);

  await page.goto('/safety?lang=cy');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Cadw’n breifat wrth ddefnyddio’r cwrs hwn' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, '/safety in Welsh');
});
