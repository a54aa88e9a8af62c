// The SCORM package, packaged with an administrator's xAPI endpoint, sends its statements to a
// real LRS on loopback (Learning Locker's xapi-statements with in-memory storage). The test cuts
// the LRS off while the learner answers and finishes, restores it, and finds every statement once,
// in order, each valid by Learning Locker's own validator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validation from '@learninglocker/xapi-validation';
import { expect, test } from '@playwright/test';
import type { DecisionStep, Lesson } from '../../src/engine/contentSchema';
import { encodeProgress } from '../../src/lms/progressCodec';
import { ADL_VERBS } from '../../src/lms/xapiStatements';
import { nearlyFinishedProgress } from '../fixtures/courseWalk';
import { LRS_AUTHORIZATION, readStatements, startLrs, type RunningLrs } from '../fixtures/loopbackLrs';
import { correctOptionIds, loadModule } from './course';
import { launch, leaveCourse, move, startTestLms, stepState, type TestLms } from './lmsHarness';

const courseIds = (JSON.parse(readFileSync('modules/course.json', 'utf8')) as { modules: string[] }).modules;
const modules = courseIds.map((moduleId) => loadModule(moduleId).courseModule);
const mythIds = (JSON.parse(readFileSync('modules/myths.json', 'utf8')) as { id: string }[]).map((myth) => myth.id);
const { courseModule: orientation, words } = loadModule('orientation');
const lesson = orientation.lessons[0] as Lesson;
const question = lesson.steps.find((step) => step.kind === 'question') as DecisionStep;
// A CommonJS module: Playwright's loader hands over its exports object as the default.
const validateStatement = (validation as unknown as { default?: typeof validation }).default ?? validation;
const ACTIVITY = 'https://heard.example.org/xapi/course';

let lrs: RunningLrs;
let lms: TestLms;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  lrs = await startLrs();
  const out = mkdtempSync(join(tmpdir(), 'heard-xapi-package-'));
  execFileSync(
    process.execPath,
    [
      'scripts/package-scorm.mjs',
      '--lrs',
      lrs.endpoint,
      '--lrs-auth',
      LRS_AUTHORIZATION,
      '--activity-id',
      ACTIVITY,
      '--out',
      out,
    ],
    { stdio: 'pipe' },
  );
  lms = await startTestLms({ scorm12: join(out, 'heard-scorm12.zip') });
});

test.afterAll(async () => {
  await lms?.close();
  lrs?.stop();
});

test('statements reach a real LRS once each, in order, after it was cut off', async ({ page }) => {
  test.setTimeout(120_000);
  const suspendData = encodeProgress(
    modules,
    mythIds,
    nearlyFinishedProgress(modules, { moduleId: orientation.id, lessonId: lesson.id }),
  );
  const frame = await launch(page, lms, '1.2', 'scorm12', {
    suspend_data: suspendData,
    core: { student_id: 'learner-7', lesson_location: `/modules/${orientation.id}/lessons/${lesson.id}` },
  });
  await expect.poll(async () => (await readStatements(lrs.endpoint)).length).toBe(1);

  // The LRS goes out of reach; the learner answers and finishes the course regardless.
  await page.route(`${lrs.endpoint}**`, (route) => route.abort('internetdisconnected'));
  while (!(await stepState(frame)).endsWith(':summary')) await move(frame, lesson, words);
  expect((await readStatements(lrs.endpoint)).length).toBe(1);

  // Back in reach: everything that waited is delivered.
  await page.unroute(`${lrs.endpoint}**`);
  await frame.locator('body').evaluate(() => window.dispatchEvent(new Event('online')));
  const expected = [ADL_VERBS.initialized, ADL_VERBS.answered, ADL_VERBS.passed, ADL_VERBS.completed];
  await expect
    .poll(async () => (await readStatements(lrs.endpoint)).map((statement) => statement.verb.id))
    .toEqual(expected);

  await leaveCourse(page);
  await expect
    .poll(async () => (await readStatements(lrs.endpoint)).map((statement) => statement.verb.id))
    .toEqual([...expected, ADL_VERBS.terminated]);

  const stored = await readStatements(lrs.endpoint);
  expect(new Set(stored.map((statement) => statement.id)).size).toBe(stored.length);
  for (const statement of stored) expect(validateStatement(statement)).toEqual([]);
  const answered = stored[1] as unknown as { object: { id: string }; result: { response: string }; actor: unknown };
  expect(answered.object.id).toBe(`${ACTIVITY}/modules/${orientation.id}/lessons/${lesson.id}/steps/${question.id}`);
  expect(answered.result.response).toBe(correctOptionIds(question).join('[,]'));
  expect(JSON.stringify(stored)).not.toContain('learner-7');
});
