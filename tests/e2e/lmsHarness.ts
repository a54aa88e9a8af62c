// A small test LMS: serves unzipped SCORM packages and a page whose window.API (SCORM 1.2) or
// window.API_1484_11 (SCORM 2004) is scorm-again, a real third-party SCORM run-time, framing the SCO.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import type { DecisionStep, Lesson } from '../../src/engine/contentSchema';
import { stepById } from '../../src/engine/lessonGraph';
import { answerRoleQuestion, correctOptionIds, interfaceWords, optionLabel } from './course';

const ui = interfaceWords('en');
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
const frame = document.getElementById('sco');
// ?frame=650x650 gives the course the frame size of a real LMS player.
const size = (params.get('frame') || '').split('x').map(Number);
if (size.length === 2 && size.every((n) => n > 0)) { frame.style.width = size[0] + 'px'; frame.style.height = size[1] + 'px'; }
frame.src = '/' + params.get('package') + '/index.html';
`;

export interface TestLms {
  origin: string;
  close(): Promise<void>;
}

/** Unzips each package into its own folder (named by the key) and serves them with the LMS page. */
export async function startTestLms(
  packages: Record<string, string>,
  /** Answers requests the LMS itself handles (a cmi5 LMS's token and xAPI endpoints); true when answered. */
  handle?: (request: IncomingMessage, response: ServerResponse) => boolean,
): Promise<TestLms> {
  const folder = mkdtempSync(join(tmpdir(), 'heard-lms-'));
  for (const [name, zipPath] of Object.entries(packages)) {
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
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
  const server = createServer((request, response) => {
    if (handle?.(request, response)) return;
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
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Opens the test LMS with what it kept from earlier sessions, and returns the framed course. */
export async function launch(
  page: Page,
  lms: TestLms,
  version: '1.2' | '2004',
  packageName: string,
  savedCmi: object,
  frameSize?: string,
): Promise<FrameLocator> {
  await page.addInitScript((saved) => {
    (window as unknown as { __savedCmi: object }).__savedCmi = saved;
  }, savedCmi);
  const size = frameSize ? `&frame=${frameSize}` : '';
  await page.goto(`${lms.origin}/lms/harness.html?version=${version}&package=${packageName}${size}`);
  return page.frameLocator('#sco');
}

/** Navigates the frame away from the course, as a learner leaving would. */
export async function leaveCourse(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.getElementById('sco') as HTMLIFrameElement).src = '/lms/left.html';
  });
}

export type Cmi = Record<string, unknown> & {
  suspend_data: string;
  interactions: Record<string, Record<string, string>>;
};
export const lmsRecord = (page: Page) =>
  page.evaluate(() => (window as unknown as { lmsRecord: () => Cmi }).lmsRecord());
export const lmsEvents = (page: Page) => page.evaluate(() => (window as unknown as { __events: string[] }).__events);

/** The course, framed by an LMS or in a window of its own. */
export type Course = FrameLocator | Page;

export async function stepState(frame: Course) {
  const element = frame.locator('.lesson');
  await expect(element).toBeVisible();
  return `${await element.getAttribute('data-step-id')}:${await element.getAttribute('data-state')}`;
}

/** One learner move in the framed course: continue, or choose the right answer and check it. */
export async function move(frame: Course, lesson: Lesson, words: Record<string, string>) {
  const before = await stepState(frame);
  const [stepId, state] = before.split(':') as [string, string];
  if (state === 'answering') {
    const step = stepById(lesson, stepId) as DecisionStep;
    for (const optionId of correctOptionIds(step)) {
      const role = step.kind === 'question' && step.mode === 'multiple' ? 'checkbox' : 'radio';
      await frame.getByRole(role, { name: optionLabel(words, lesson.id, stepId, optionId), exact: true }).check();
    }
    await frame.getByRole('button', { name: ui['lesson.checkAnswer'], exact: true }).click();
  } else if (state === 'choosingRole') {
    await answerRoleQuestion(frame, ui);
  } else {
    await frame.getByRole('button', { name: ui['lesson.continue'], exact: true }).click();
  }
  await expect.poll(() => stepState(frame)).not.toBe(before);
}
