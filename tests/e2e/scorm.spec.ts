// Runs each SCORM package the way an LMS would: unzipped, served, and framed by a page whose
// window.API (SCORM 1.2) or window.API_1484_11 (SCORM 2004) is scorm-again, a real third-party
// SCORM run-time. The test reads what that run-time received.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import type { DecisionStep, Lesson } from '../../src/engine/contentSchema';
import { stepById } from '../../src/engine/lessonGraph';
import { encodeProgress } from '../../src/lms/progressCodec';
import { nearlyFinishedProgress } from '../fixtures/courseWalk';
import { correctOptionIds, interfaceWords, loadModule, optionLabel } from './course';

const ui = interfaceWords('en');
const courseIds = (JSON.parse(readFileSync('modules/course.json', 'utf8')) as { modules: string[] }).modules;
const modules = courseIds.map((moduleId) => loadModule(moduleId).courseModule);
const mythIds = (JSON.parse(readFileSync('modules/myths.json', 'utf8')) as { id: string }[]).map((myth) => myth.id);
const { courseModule: orientation, words: orientationWords } = loadModule('orientation');
const lesson = orientation.lessons[0] as Lesson;
const question = lesson.steps.find((step) => step.kind === 'question') as DecisionStep;

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain',
};

/** The LMS page: creates scorm-again's API, loads what the LMS kept, and frames the SCO. */
const HARNESS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/lms/scorm12.min.js"></script><script src="/lms/scorm2004.min.js"></script></head>
<body><main><h1>Test LMS</h1><iframe id="sco" title="Course" style="width:1000px;height:800px"></iframe></main>
<script src="/lms/harness.js"></script></body></html>`;

const HARNESS_SCRIPT = `
const params = new URLSearchParams(location.search);
const version = params.get('version');
const saved = window.__savedCmi || {};
window.__events = [];
const api = version === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
api.loadFromJSON(saved);
for (const name of version === '1.2' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate']) {
  api.on(name, () => window.__events.push(name));
}
if (version === '1.2') window.API = api; else window.API_1484_11 = api;
window.lmsRecord = () => api.renderCMIToJSONObject().cmi;
document.getElementById('sco').src = '/' + params.get('package') + '/index.html';
`;

let server: Server;
let lmsOrigin = '';
let folder = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  execFileSync(process.execPath, ['scripts/package-scorm.mjs'], { stdio: 'pipe' });
  folder = mkdtempSync(join(tmpdir(), 'heard-lms-'));
  for (const name of ['scorm12', 'scorm2004']) {
    const files = unzipSync(new Uint8Array(readFileSync(`packages/heard-${name}.zip`)));
    for (const [path, bytes] of Object.entries(files)) {
      const target = join(folder, name, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
  }
  const lmsFiles: Record<string, string> = {
    '/lms/harness.html': HARNESS,
    '/lms/harness.js': HARNESS_SCRIPT,
    '/lms/left.html': '<!doctype html><title>Left</title><p>Left the course</p>',
    '/lms/scorm12.min.js': readFileSync('node_modules/scorm-again/dist/scorm12.min.js', 'utf8'),
    '/lms/scorm2004.min.js': readFileSync('node_modules/scorm-again/dist/scorm2004.min.js', 'utf8'),
  };
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    if (path in lmsFiles) {
      response.writeHead(200, { 'Content-Type': type }).end(lmsFiles[path]);
      return;
    }
    const file = normalize(join(folder, path));
    let body: Buffer | null = null;
    try {
      if (file.startsWith(folder)) body = readFileSync(file);
    } catch {
      body = null;
    }
    if (body) response.writeHead(200, { 'Content-Type': type }).end(body);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  lmsOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Opens the test LMS with what it kept from earlier sessions. */
async function launch(page: Page, version: '1.2' | '2004', savedCmi: object): Promise<FrameLocator> {
  await page.addInitScript((saved) => {
    (window as unknown as { __savedCmi: object }).__savedCmi = saved;
  }, savedCmi);
  const name = version === '1.2' ? 'scorm12' : 'scorm2004';
  await page.goto(`${lmsOrigin}/lms/harness.html?version=${version}&package=${name}`);
  return page.frameLocator('#sco');
}

type Cmi = Record<string, unknown> & {
  suspend_data: string;
  interactions: Record<string, Record<string, string>>;
};
const lmsRecord = (page: Page) => page.evaluate(() => (window as unknown as { lmsRecord: () => Cmi }).lmsRecord());
const lmsEvents = (page: Page) => page.evaluate(() => (window as unknown as { __events: string[] }).__events);

async function stepState(frame: FrameLocator) {
  const element = frame.locator('.lesson');
  await expect(element).toBeVisible();
  return `${await element.getAttribute('data-step-id')}:${await element.getAttribute('data-state')}`;
}

/** One learner move in the framed course: continue, or choose the right answer and check it. */
async function move(frame: FrameLocator) {
  const before = await stepState(frame);
  const [stepId, state] = before.split(':') as [string, string];
  if (state === 'answering') {
    const step = stepById(lesson, stepId) as DecisionStep;
    for (const optionId of correctOptionIds(step)) {
      const role = step.kind === 'question' && step.mode === 'multiple' ? 'checkbox' : 'radio';
      await frame
        .getByRole(role, { name: optionLabel(orientationWords, lesson.id, stepId, optionId), exact: true })
        .check();
    }
    await frame.getByRole('button', { name: ui['lesson.checkAnswer'], exact: true }).click();
  } else {
    await frame.getByRole('button', { name: ui['lesson.continue'], exact: true }).click();
  }
  await expect.poll(() => stepState(frame)).not.toBe(before);
}

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
    let frame = await launch(page, version, kept);

    // The LMS's saved place opens the lesson; the learner reads on and answers the question.
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
    while ((await stepState(frame)) !== `${question.id}:answering`) await move(frame);
    await move(frame);
    expect(await stepState(frame)).toBe(`${question.id}:feedback`);

    await expect.poll(async () => Object.keys((await lmsRecord(page)).interactions).length).toBe(1);
    const record = await lmsRecord(page);
    const interaction = record.interactions['0'];
    expect(interaction).toMatchObject({
      id: `${orientation.id}.${lesson.id}.${question.id}`,
      type: 'choice',
      result: 'correct',
      [version === '1.2' ? 'student_response' : 'learner_response']: correctOptionIds(question).join(
        version === '1.2' ? ',' : '[,]',
      ),
    });
    if (version === '1.2') {
      const core = record.core as Record<string, unknown>;
      expect(core.lesson_status).toBe('incomplete');
      expect(core.exit).toBe('suspend');
      expect(core.score).toMatchObject({ raw: '100', min: '0', max: '100' });
    } else {
      expect(record).toMatchObject({ completion_status: 'incomplete', success_status: 'unknown', exit: 'suspend' });
      expect(record.score).toMatchObject({ raw: '100', min: '0', max: '100', scaled: '1' });
    }
    expect(record.suspend_data).toMatch(/^H1/);
    expect(record.suspend_data.length).toBeLessThanOrEqual(4096);
    expect(record.suspend_data).not.toBe(suspendData);

    // The learner leaves unfinished: the course saves, ends the session and keeps exit = suspend.
    await page.evaluate(() => {
      (document.getElementById('sco') as HTMLIFrameElement).src = '/lms/left.html';
    });
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
    frame = await launch(secondPage, version, left);
    await expect.poll(() => stepState(frame)).toBe(`${question.id}:feedback`);

    // Finishing the last lesson passes the course.
    while (!(await stepState(frame)).endsWith(':summary')) await move(frame);
    await expect
      .poll(async () => {
        const done = await lmsRecord(secondPage);
        return version === '1.2'
          ? (done.core as Record<string, string>).lesson_status
          : `${String(done.completion_status)}/${String(done.success_status)}`;
      })
      .toBe(version === '1.2' ? 'passed' : 'completed/passed');
    const done = await lmsRecord(secondPage);
    expect(version === '1.2' ? (done.core as Record<string, string>).exit : done.exit).toBe(
      version === '1.2' ? '' : 'normal',
    );
    const workers = await secondPage
      .frame({ url: /index\.html/ })
      ?.evaluate(async () => (await navigator.serviceWorker?.getRegistrations())?.length ?? 0);
    expect(workers).toBe(0);
    await second.close();
  });
}
