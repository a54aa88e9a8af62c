// The throttled phone profile `npm run bench` measures on (issue #22), and the floor it compares
// against: the same lesson's words as one static HTML page with no script, which the bench writes
// into the build itself. Each run gets a new browser context, so every cache starts cold.
import { writeFileSync } from 'node:fs';
import { expect, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import type { CourseModule, DecisionStep, Lesson } from '../src/engine/contentSchema';
import { isDecisionStep } from '../src/engine/content';

/** A mid-range phone on a slow 4G connection, as Lighthouse's mobile preset simulates it. */
export const PHONE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadKbit: 1600,
  uploadKbit: 750,
  viewport: { width: 412, height: 823 },
} as const;

export const FLOOR_PATH = '/bench-floor.html';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The words of one step other than its title, prompt and options, in the order they are written. */
function paragraphsOf(words: Record<string, string>, lessonId: string, stepId: string): string[] {
  const prefix = `${lessonId}.${stepId}.`;
  return Object.entries(words)
    .filter(([key]) => key.startsWith(prefix))
    .filter(([key]) => !/\.(title|prompt)$/.test(key) && !key.slice(prefix.length).startsWith('option.'))
    .map(([, text]) => text);
}

/** The lesson's first step and its first question, as plain HTML: what a page of text costs. */
export function writeFloorPage(lesson: Lesson, words: Record<string, string>): { question: DecisionStep } {
  const [first] = lesson.steps;
  const question = lesson.steps.find(isDecisionStep);
  if (!first || !question) throw new Error(`lesson ${lesson.id} has no question for the floor page`);
  const title = (stepId: string) => escapeHtml(words[`${lesson.id}.${stepId}.title`] ?? '');
  const paragraphs = (stepId: string) =>
    paragraphsOf(words, lesson.id, stepId)
      .map((text) => `<p>${escapeHtml(text)}</p>`)
      .join('\n');
  const options = question.options
    .map(
      (option) =>
        `<div><input type="radio" name="answer" id="${option.id}" value="${option.id}"> <label for="${option.id}">${escapeHtml(words[`${lesson.id}.${question.id}.option.${option.id}`] ?? '')}</label></div>`,
    )
    .join('\n');
  writeFileSync(
    `dist${FLOOR_PATH}`,
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title(first.id)}</title></head>
<body>
<main>
<h1>${title(first.id)}</h1>
${paragraphs(first.id)}
<h2>${title(question.id)}</h2>
${paragraphs(question.id)}
<form><fieldset><legend>${escapeHtml(words[`${lesson.id}.${question.id}.prompt`] ?? '')}</legend>
${options}
</fieldset><button type="submit">Check my answer</button></form>
</main>
</body>
</html>
`,
  );
  return { question };
}

/**
 * In every page: the time of each click on an answer option, and for each "check my answer" the
 * time from the click's event to the feedback in the DOM (a MutationObserver) and to the next
 * paint after it (two animation frames). All on the page's own clock, from navigation start.
 */
export function instrument() {
  const bench = {
    optionClicks: [] as number[],
    optionPresses: [] as number[],
    feedback: [] as { dom: number; paint: number }[],
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  let pending: number | null = null;
  // The press that starts a click: what the page fetches from then on is fetched for the answer.
  document.addEventListener(
    'pointerdown',
    (event) => {
      const target = event.target as Element | null;
      if (target?.matches?.('.options input, form input[type="radio"], label'))
        bench.optionPresses.push(event.timeStamp);
    },
    true,
  );
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target as Element | null;
      if (target?.matches?.('.options input, form input[type="radio"]')) bench.optionClicks.push(event.timeStamp);
      const button = target?.closest?.('button[type="submit"]');
      if (button && button.closest('form')?.querySelector('.options')) pending = event.timeStamp;
    },
    true,
  );
  new MutationObserver(() => {
    if (pending === null || !document.querySelector('.step--feedback')) return;
    const start = pending;
    const dom = performance.now() - start;
    pending = null;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => bench.feedback.push({ dom, paint: performance.now() - start })),
    );
  }).observe(document, { subtree: true, childList: true });
}

export interface PhoneContext {
  context: BrowserContext;
  page: Page;
  devtools: CDPSession;
  /** Script and stylesheet responses: when each was requested (epoch ms) and its bytes on the wire. */
  assets: Map<string, { url: string; requestedAt: number; bytes: number }>;
}

/** A fresh context (cold caches), throttled like the phone before anything loads. */
export async function phoneContext(
  browser: Browser,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
  network = true,
): Promise<PhoneContext> {
  const context = await browser.newContext({ viewport: PHONE.viewport, storageState });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  await devtools.send('Network.enable');
  await devtools.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (network)
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE.latencyMs,
      downloadThroughput: (PHONE.downloadKbit * 1000) / 8,
      uploadThroughput: (PHONE.uploadKbit * 1000) / 8,
    });
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  const assets: PhoneContext['assets'] = new Map();
  devtools.on('Network.requestWillBeSent', (event) => {
    if (event.type === 'Script' || event.type === 'Stylesheet')
      assets.set(event.requestId, { url: event.request.url, requestedAt: event.wallTime * 1000, bytes: 0 });
  });
  devtools.on('Network.loadingFinished', (event) => {
    const asset = assets.get(event.requestId);
    if (asset) asset.bytes = event.encodedDataLength;
  });
  return { context, page, devtools, assets };
}

/** Kilobytes of script and style on the wire requested before `until` (ms after navigation start). */
export async function assetKilobytesBefore(phone: PhoneContext, until: number): Promise<number> {
  const origin = await phone.page.evaluate(() => performance.timeOrigin);
  let bytes = 0;
  for (const asset of phone.assets.values()) if (asset.requestedAt < origin + until) bytes += asset.bytes;
  return bytes / 1024;
}

/** When the learner first pressed an answer option (ms after navigation start). */
export async function firstOptionPress(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { __bench: { optionPresses: number[] } }).__bench.optionPresses[0] ?? Infinity,
  );
}

export async function firstContentfulPaint(page: Page): Promise<number> {
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length))
    .toBeGreaterThan(0);
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
}

/**
 * Clicks the first answer option as soon as Playwright can, until a click sticks (the option is
 * checked two frames later); returns that click's event time, from navigation start.
 */
export async function firstQuestionAnswerable(page: Page): Promise<number> {
  const option = page.locator('input[type="radio"]').first();
  for (let attempt = 0; attempt < 50; attempt++) {
    await option.click({ timeout: 30_000 });
    const registered = await page.evaluate(
      () =>
        new Promise<number | null>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const input = document.querySelector<HTMLInputElement>('input[type="radio"]');
              const clicks = (window as unknown as { __bench: { optionClicks: number[] } }).__bench.optionClicks;
              resolve(input?.checked ? (clicks.at(-1) ?? null) : null);
            }),
          ),
        ),
    );
    if (registered !== null) return registered;
  }
  throw new Error('the first option never stayed checked');
}

export async function feedbackTimes(page: Page): Promise<{ dom: number; paint: number }[]> {
  return page.evaluate(
    () => (window as unknown as { __bench: { feedback: { dom: number; paint: number }[] } }).__bench.feedback,
  );
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export type { CourseModule };
