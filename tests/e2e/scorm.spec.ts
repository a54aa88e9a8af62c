// Runs each SCORM package the way an LMS would: unzipped, served, and framed by a page whose
// window.API (SCORM 1.2) or window.API_1484_11 (SCORM 2004) is scorm-again, a real third-party
// SCORM run-time. The test reads what that run-time received.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { DecisionStep, Lesson } from '../../src/engine/contentSchema';
import { encodeProgress } from '../../src/lms/progressCodec';
import { encodeScormId, MOODLE_IDENTIFIER, scormInteractionId } from '../../src/lms/scormIds';
import { nearlyFinishedProgress } from '../fixtures/courseWalk';
import { correctOptionIds, loadModule } from './course';
import { launch, leaveCourse, lmsEvents, lmsRecord, move, startTestLms, stepState, type TestLms } from './lmsHarness';

const courseIds = (JSON.parse(readFileSync('modules/course.json', 'utf8')) as { modules: string[] }).modules;
const modules = courseIds.map((moduleId) => loadModule(moduleId).courseModule);
const mythIds = (JSON.parse(readFileSync('modules/myths.json', 'utf8')) as { id: string }[]).map((myth) => myth.id);
const { courseModule: orientation, words: orientationWords } = loadModule('orientation');
const lesson = orientation.lessons[0] as Lesson;
const question = lesson.steps.find((step) => step.kind === 'question') as DecisionStep;

const lmsWords = JSON.parse(readFileSync('locales/en/lms.json', 'utf8')) as Record<string, string>;
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let lms: TestLms;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  execFileSync(process.execPath, ['scripts/package-scorm.mjs'], { stdio: 'pipe' });
  lms = await startTestLms({ scorm12: 'packages/heard-scorm12.zip', scorm2004: 'packages/heard-scorm2004.zip' });
});

test.afterAll(async () => {
  await lms?.close();
});

const lessonPath = `/modules/${orientation.id}/lessons/${lesson.id}`;
// The learner has finished every lesson but the first; the LMS kept that in suspend_data.
const suspendData = encodeProgress(
  modules,
  mythIds,
  nearlyFinishedProgress(modules, { moduleId: orientation.id, lessonId: lesson.id }),
);

for (const version of ['1.2', '2004'] as const) {
  test(`SCORM ${version}: reports status, score and answers, suspends, resumes after a relaunch and completes`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const first = await browser.newContext();
    const page = await first.newPage();
    const kept =
      version === '1.2'
        ? { suspend_data: suspendData, core: { student_id: 'learner-7', lesson_location: lessonPath } }
        : { suspend_data: suspendData, learner_id: 'learner-7', location: lessonPath };
    let frame = await launch(page, lms, version, version === '1.2' ? 'scorm12' : 'scorm2004', kept);

    // The LMS's saved place opens the lesson; the learner is told what the LMS receives.
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(frame.getByRole('complementary', { name: lmsWords.noticeLabel })).toContainText(lmsWords.shared);
    await expect.poll(() => stepState(frame)).toBe(`${lesson.steps[0]?.id}:reading`);
    if (version === '1.2') {
      const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
    }
    // The learner reads on and answers the question.
    while ((await stepState(frame)) !== `${question.id}:answering`) await move(frame, lesson, orientationWords);
    await move(frame, lesson, orientationWords);
    expect(await stepState(frame)).toBe(`${question.id}:feedback`);

    await expect.poll(async () => Object.keys((await lmsRecord(page)).interactions).length).toBe(1);
    const record = await lmsRecord(page);
    const interaction = record.interactions['0'];
    expect(interaction).toMatchObject({
      id: scormInteractionId(orientation.id, lesson.id, question.id),
      type: 'choice',
      result: 'correct',
      [version === '1.2' ? 'student_response' : 'learner_response']: correctOptionIds(question)
        .map(encodeScormId)
        .join(version === '1.2' ? ',' : '[,]'),
    });
    // Every id and response is one Moodle accepts (it refused ids with hyphens before).
    expect(interaction?.id).toMatch(MOODLE_IDENTIFIER);
    const response = String(interaction?.[version === '1.2' ? 'student_response' : 'learner_response']);
    for (const part of response.split(version === '1.2' ? ',' : '[,]')) expect(part).toMatch(MOODLE_IDENTIFIER);
    // No final-looking grade before the end: the score waits until every lesson is finished.
    if (version === '1.2') {
      const core = record.core as Record<string, unknown>;
      expect(core.lesson_status).toBe('incomplete');
      expect(core.exit).toBe('suspend');
      expect(core.score).toMatchObject({ raw: '' });
    } else {
      expect(record).toMatchObject({ completion_status: 'incomplete', success_status: 'unknown', exit: 'suspend' });
      expect(record.score).toMatchObject({ raw: '' });
    }
    expect(record.suspend_data).toMatch(/^H3/);
    expect(record.suspend_data.length).toBeLessThanOrEqual(4096);
    expect(record.suspend_data).not.toBe(suspendData);

    // The learner leaves unfinished: the course saves, ends the session and keeps exit = suspend.
    await leaveCourse(page);
    await expect.poll(() => lmsEvents(page)).toContain(version === '1.2' ? 'LMSFinish' : 'Terminate');
    expect(await lmsEvents(page)).toContain(version === '1.2' ? 'LMSCommit' : 'Commit');
    const left = await lmsRecord(page);
    expect(version === '1.2' ? (left.core as Record<string, string>).exit : left.exit).toBe('suspend');
    expect(version === '1.2' ? (left.core as Record<string, string>).session_time : left.session_time).not.toBe(
      version === '1.2' ? '00:00:00' : '',
    );
    await first.close();

    // A relaunch on another computer (no local data): the LMS's record alone brings the learner back.
    const second = await browser.newContext();
    const secondPage = await second.newPage();
    frame = await launch(secondPage, lms, version, version === '1.2' ? 'scorm12' : 'scorm2004', left);
    await expect.poll(() => stepState(frame)).toBe(`${question.id}:feedback`);

    // Finishing the last lesson passes the course.
    while (!(await stepState(frame)).endsWith(':summary')) await move(frame, lesson, orientationWords);
    await expect
      .poll(async () => {
        const done = await lmsRecord(secondPage);
        return version === '1.2'
          ? (done.core as Record<string, string>).lesson_status
          : `${String(done.completion_status)}/${String(done.success_status)}`;
      })
      .toBe(version === '1.2' ? 'passed' : 'completed/passed');
    const done = await lmsRecord(secondPage);
    // SCORM 2004 stays suspended so a later launch adds to cmi.total_time instead of restarting it.
    expect(version === '1.2' ? (done.core as Record<string, string>).exit : done.exit).toBe(
      version === '1.2' ? '' : 'suspend',
    );
    const score = version === '1.2' ? (done.core as { score: object }).score : done.score;
    expect(score).toMatchObject({ raw: '100', min: '0', max: '100', ...(version === '2004' ? { scaled: '1' } : {}) });
    const workers = await secondPage
      .frame({ url: /index\.html/ })
      ?.evaluate(async () => (await navigator.serviceWorker?.getRegistrations())?.length ?? 0);
    expect(workers).toBe(0);
    await second.close();
  });
}

test('quick exit inside the LMS leaves the whole LMS page for the package’s own styled neutral page, and Back does not return', async ({
  page,
}) => {
  const frame = await launch(page, lms, '1.2', 'scorm12', {});
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  // Like Moodle's player, the LMS page has more than one history entry of its own.
  await page.evaluate(() => history.pushState({}, '', `${location.href}&player=1`));
  await frame.getByRole('button', { name: 'Exit this page' }).click();
  await expect(page).toHaveURL(`${lms.origin}/scorm12/neutral.html`);
  await expect(page.locator('#sco')).toHaveCount(0);
  // The neutral page's own stylesheet loaded from inside the package.
  await expect(page.locator('body')).toHaveCSS('max-width', /px$/);
  expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
  // Back reloads the LMS's player, which frames the course again: the course sends the whole
  // window to the neutral page instead of showing itself.
  await page.goBack();
  await expect(page).toHaveURL(`${lms.origin}/scorm12/neutral.html`);
  await expect(page.locator('#sco')).toHaveCount(0);
});

for (const version of ['1.2', '2004'] as const) {
  test(`SCORM ${version} in a 650×650 LMS frame: the course starts above the fold and lesson_location follows every page`, async ({
    page,
  }) => {
    const name = version === '1.2' ? 'scorm12' : 'scorm2004';
    // The worst case: the notice also carries a problem (progress the course cannot read).
    const kept = version === '1.2' ? { suspend_data: 'H9 unreadable', core: { student_id: 'x' } } : { learner_id: 'x' };
    const frame = await launch(page, lms, version, name, kept, '650x650');
    const heading = frame.getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    // The heading and at least 150 px of the course below it are inside the frame.
    const headingBottom = () => heading.evaluate((element) => element.getBoundingClientRect().bottom);
    expect(await headingBottom()).toBeLessThan(650 - 150);
    // In-app navigation (pushState, no hashchange) moves the LMS's saved place with the learner.
    const location = async () => {
      const record = await lmsRecord(page);
      return version === '1.2' ? (record.core as Record<string, string>).lesson_location : String(record.location);
    };
    if (version === '2004') {
      await frame.getByRole('link', { name: orientationWords.title }).first().click();
      await expect.poll(location).toBe(`/modules/${orientation.id}`);
      await expect(heading).toBeVisible();
      expect(await headingBottom()).toBeLessThan(650 - 150);
    } else {
      await expect(frame.getByRole('alert')).toBeVisible();
    }
  });
}
