// The SCORM package, packaged with an administrator's xAPI endpoint, sends its statements to a
// real LRS on loopback (Learning Locker's xapi-statements with in-memory storage). The test cuts
// the LRS off while the learner answers and finishes, restores it, and finds every statement once,
// in order, each valid by Learning Locker's own validator.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
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

const PSEUDONYM_KEY = 'the organisation keeps this key: 0123456789abcdef';

let lrs: RunningLrs;
let lms: TestLms;
let relay: Server;
let relayEndpoint: string;
let packageZip: string;

/**
 * The organisation's statement relay: the package holds no credential, so it posts to this relay,
 * which (in a real deployment, after checking the learner's LMS session) adds the LRS's credential.
 */
async function startRelay(target: string): Promise<Server> {
  const server = createServer((request, response) => {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'PUT, POST',
      'Access-Control-Allow-Headers': 'Content-Type, X-Experience-API-Version',
    };
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    const upstream = httpRequest(
      new URL(request.url?.replace(/^\/xapi\//, '') ?? '', target),
      {
        method: request.method,
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
          Authorization: LRS_AUTHORIZATION,
        },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, cors);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502, cors).end());
    request.pipe(upstream);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return server;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  lrs = await startLrs();
  relay = await startRelay(lrs.endpoint);
  relayEndpoint = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/xapi/`;
  const out = mkdtempSync(join(tmpdir(), 'heard-xapi-package-'));
  const keyFile = join(out, 'pseudonym.key');
  writeFileSync(keyFile, PSEUDONYM_KEY);
  execFileSync(
    process.execPath,
    [
      'scripts/package-scorm.mjs',
      '--lrs',
      relayEndpoint,
      '--activity-id',
      ACTIVITY,
      '--pseudonym-key-file',
      keyFile,
      '--out',
      out,
    ],
    { stdio: 'pipe' },
  );
  packageZip = join(out, 'heard-scorm12.zip');
  lms = await startTestLms({ scorm12: packageZip });
});

test.afterAll(async () => {
  await lms?.close();
  relay?.close();
  lrs?.stop();
});

test('the package carries no LRS credential', () => {
  const files = unzipSync(new Uint8Array(readFileSync(packageZip)));
  const scripts = Object.entries(files)
    .filter(([name]) => name.endsWith('.js'))
    .map(([, bytes]) => strFromU8(bytes));
  expect(scripts.join('\n')).toContain(relayEndpoint);
  expect(scripts.join('\n')).not.toContain(LRS_AUTHORIZATION.slice('Basic '.length));
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
  await page.route(`${relayEndpoint}**`, (route) => route.abort('internetdisconnected'));
  while (!(await stepState(frame)).endsWith(':summary')) await move(frame, lesson, words);
  expect((await readStatements(lrs.endpoint)).length).toBe(1);

  // Back in reach: everything that waited is delivered.
  await page.unroute(`${relayEndpoint}**`);
  await frame.locator('body').evaluate(() => window.dispatchEvent(new Event('online')));
  // answered, then the lesson completed, the module passed and the course completed.
  const expected = [
    ADL_VERBS.initialized,
    ADL_VERBS.answered,
    ADL_VERBS.completed,
    ADL_VERBS.passed,
    ADL_VERBS.completed,
  ];
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
  const lessonDone = stored[2] as unknown as { object: { id: string }; result: { score: { raw: number } } };
  expect(lessonDone.object.id).toBe(`${ACTIVITY}/modules/${orientation.id}/lessons/${lesson.id}`);
  const completed = stored[4] as unknown as { object: { id: string }; result: { score?: { raw: number } } };
  expect(completed.object.id).toBe(ACTIVITY);
  expect(completed.result.score?.raw).toBe(100);
  expect(JSON.stringify(stored)).not.toContain('learner-7');
  // The keyed pseudonym: HMAC-SHA-256 with the organisation's key, which no statement carries.
  expect((answered.actor as { account: { name: string } }).account.name).toBe(
    createHmac('sha256', PSEUDONYM_KEY).update('heard-xapi:learner-7').digest('hex'),
  );
  expect(JSON.stringify(stored)).not.toContain(PSEUDONYM_KEY);
});
