// A cmi5 launch of the course against a real LRS on loopback (Learning Locker's xapi-statements).
// The test plays the cmi5 LMS: it serves the cmi5 package, issues the session's token, answers the
// launch-data request, and passes statements through to the LRS. @xapi/cmi5 in the course reads
// the launch URL, fetches the token and sends "initialized"; the course's own queue sends the rest.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validation from '@learninglocker/xapi-validation';
import { expect, test } from '@playwright/test';
import type { DecisionStep, Lesson } from '../../src/engine/contentSchema';
import { ADL_VERBS } from '../../src/lms/xapiStatements';
import { readStatements, startLrs, type RunningLrs } from '../fixtures/loopbackLrs';
import { correctOptionIds, loadModule } from './course';
import { move, startTestLms, stepState, type TestLms } from './lmsHarness';

// A CommonJS module: Playwright's loader hands over its exports object as the default.
const validateStatement = (validation as unknown as { default?: typeof validation }).default ?? validation;
const { courseModule: orientation, words } = loadModule('orientation');
const lesson = orientation.lessons[0] as Lesson;
const question = lesson.steps.find((step) => step.kind === 'question') as DecisionStep;
const ACTIVITY = 'https://heard.example.org/xapi/course';
const REGISTRATION = '2c4f9a1e-5b7d-4e3a-9c1f-8a6b2d4e0f13';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'a1b2c3d4' } };
const launchData = {
  contextTemplate: {
    contextActivities: { grouping: [{ objectType: 'Activity', id: `${ACTIVITY}/course` }] },
    extensions: { [SESSION]: 'session-0001' },
  },
  launchMode: 'Normal',
  launchMethod: 'OwnWindow',
  moveOn: 'Completed',
};

let lrs: RunningLrs;
let lms: TestLms;
const tokensIssued: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  lrs = await startLrs();
  const out = mkdtempSync(join(tmpdir(), 'heard-cmi5-package-'));
  execFileSync(process.execPath, ['scripts/package-scorm.mjs', '--activity-id', ACTIVITY, '--out', out], {
    stdio: 'pipe',
  });
  const target = new URL(lrs.endpoint);
  lms = await startTestLms({ cmi5: join(out, 'heard-cmi5.zip') }, (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/fetch' && request.method === 'POST') {
      const token = Buffer.from('cmi5-session:secret').toString('base64');
      tokensIssued.push(token);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ 'auth-token': token }));
      return true;
    }
    if (url.pathname === '/xAPI/activities/state') {
      const matches =
        url.searchParams.get('stateId') === 'LMS.LaunchData' && url.searchParams.get('registration') === REGISTRATION;
      response.writeHead(matches ? 200 : 404, { 'Content-Type': 'application/json' }).end(JSON.stringify(launchData));
      return true;
    }
    if (url.pathname === '/xAPI/agents/profile') {
      response.writeHead(404).end();
      return true;
    }
    if (url.pathname.startsWith('/xAPI/statements')) {
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: request.url,
          method: request.method,
          headers: { ...request.headers, host: target.host },
        },
        (reply) => {
          response.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(response);
        },
      );
      forward.on('error', () => response.writeHead(502).end());
      request.pipe(forward);
      return true;
    }
    return false;
  });
});

test.afterAll(async () => {
  await lms?.close();
  lrs?.stop();
});

test('cmi5: the launch is read by @xapi/cmi5 and every statement reaches the LRS once, with the launch context', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const launch = new URL(`${lms.origin}/cmi5/index.html`);
  launch.searchParams.set('endpoint', `${lms.origin}/xAPI/`);
  launch.searchParams.set('fetch', `${lms.origin}/fetch`);
  launch.searchParams.set('actor', JSON.stringify(actor));
  launch.searchParams.set('registration', REGISTRATION);
  launch.searchParams.set('activityId', ACTIVITY);
  await page.goto(`${launch.href}#/modules/${orientation.id}/lessons/${lesson.id}`);

  await expect
    .poll(async () => (await readStatements(lrs.endpoint)).map((statement) => statement.verb.id))
    .toEqual([ADL_VERBS.initialized]);
  expect(tokensIssued).toHaveLength(1);

  // The learner answers the lesson's question, finishes the lesson and leaves.
  while ((await stepState(page)) !== `${question.id}:answering`) await move(page, lesson, words);
  while (!(await stepState(page)).endsWith(':summary')) await move(page, lesson, words);
  // The save (and the statements that follow it) waits until the summary is painted; a learner
  // reads it before leaving, so the test waits for the lesson's statements as they would.
  await expect
    .poll(async () => (await readStatements(lrs.endpoint)).map((statement) => statement.verb.id))
    .toEqual([ADL_VERBS.initialized, ADL_VERBS.answered, ADL_VERBS.completed]);
  await page.goto('about:blank');

  // The lesson's own "completed" (a cmi5 allowed statement about the lesson, not the AU) lets a
  // trainer read from the LRS who finished it.
  const expected = [ADL_VERBS.initialized, ADL_VERBS.answered, ADL_VERBS.completed, ADL_VERBS.terminated];
  await expect
    .poll(async () => (await readStatements(lrs.endpoint)).map((statement) => statement.verb.id))
    .toEqual(expected);
  const stored = (await readStatements(lrs.endpoint)) as unknown as {
    id: string;
    actor: unknown;
    object: { id: string };
    result?: { response?: string; duration?: string };
    context: {
      registration: string;
      extensions: Record<string, string>;
      contextActivities: { category?: { id: string }[] };
    };
  }[];
  expect(new Set(stored.map((statement) => statement.id)).size).toBe(stored.length);
  for (const statement of stored) {
    expect(validateStatement(statement)).toEqual([]);
    expect(statement.actor).toEqual(actor);
    expect(statement.context.registration).toBe(REGISTRATION);
    expect(statement.context.extensions[SESSION]).toBe('session-0001');
  }
  const [, answered, lessonDone, terminated] = stored;
  expect(lessonDone?.object.id).toBe(`${ACTIVITY}/modules/${orientation.id}/lessons/${lesson.id}`);
  expect(lessonDone?.context.contextActivities.category ?? []).not.toContainEqual(
    expect.objectContaining({ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }),
  );
  expect(answered?.object.id).toBe(`${ACTIVITY}/modules/${orientation.id}/lessons/${lesson.id}/steps/${question.id}`);
  expect(answered?.result?.response).toBe(correctOptionIds(question).join('[,]'));
  expect(terminated?.object.id).toBe(ACTIVITY);
  expect(terminated?.context.contextActivities.category).toContainEqual(
    expect.objectContaining({ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }),
  );
  expect(terminated?.result?.duration).toMatch(/^PT[\d.]+S$/);
});
