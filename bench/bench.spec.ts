// `npm run bench`: measures the production build in headless Chromium against bench/budgets.json,
// prints one table, writes reports/bench.json and the table into the README, and fails when a
// target is missed. It first measures on a throttled phone (bench/phone.ts) beside a static HTML
// page of the same lesson's words (the floor), alternating the two over several cold runs.
// Lighthouse runs through npx (it is not a project dependency) when available.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { currentStepId, loadModule, playLesson, takeOneStep } from '../tests/e2e/course';
import {
  assetKilobytesBefore,
  feedbackTimes,
  firstContentfulPaint,
  firstOptionPress,
  firstQuestionAnswerable,
  FLOOR_PATH,
  instrument,
  median,
  PHONE,
  phoneContext,
  writeFloorPage,
} from './phone';

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as { targets: Record<string, number> };
const BASE = `http://127.0.0.1:${process.env.HEARD_BENCH_PORT ?? 4180}`;
/** Cold loads of each page on the phone profile (medians are reported), and Lighthouse runs per page. */
const PHONE_RUNS = Number(process.env.HEARD_BENCH_RUNS ?? 7);
const LIGHTHOUSE_RUNS = Number(process.env.HEARD_BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROME_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

interface Row {
  measure: string;
  value: number | null;
  unit: string;
  target: number | null;
  /** Whether lower is better (sizes, times) or higher (scores). */
  lowerIsBetter: boolean;
}

const rows: Row[] = [];
const record = (
  measure: string,
  value: number | null,
  unit: string,
  target: number | null = null,
  lowerIsBetter = true,
) => rows.push({ measure, value: value === null ? null : Math.round(value * 10) / 10, unit, target, lowerIsBetter });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate(
    (measureName) => performance.getEntriesByName(measureName, 'measure').map((entry) => entry.duration),
    name,
  );
}

function lighthouse(path: string, preset: 'mobile' | 'desktop') {
  try {
    const output = execFileSync(
      'npx',
      [
        '--yes',
        'lighthouse@12.8.2',
        `${BASE}${path}`,
        '--output=json',
        '--quiet',
        `--chrome-flags=${CHROME_FLAGS}`,
        '--only-categories=performance,accessibility,best-practices',
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 180_000,
      },
    );
    const report = JSON.parse(output);
    return {
      performance: report.categories.performance.score * 100,
      accessibility: report.categories.accessibility.score * 100,
      bestPractices: report.categories['best-practices'].score * 100,
      lcp: report.audits['largest-contentful-paint'].numericValue,
      tbt: report.audits['total-blocking-time'].numericValue,
      cls: report.audits['cumulative-layout-shift'].numericValue,
    };
  } catch {
    return null;
  }
}

test('benchmark', async ({ page, browser }) => {
  // The phone profile. Every lesson opens with reading, so the lesson is opened where a returning
  // learner finds its first question: the saved place is seeded once, then every run starts from
  // that device storage with cold HTTP caches, alternating with the floor page.
  const { courseModule: firstModule, words: firstWords } = loadModule('adultification');
  const firstLesson = firstModule.lessons[0] as (typeof firstModule.lessons)[number];
  writeFloorPage(firstLesson, firstWords);
  const lessonPath = `/modules/adultification/lessons/${firstLesson.id}`;
  const seeding = await browser.newContext();
  const seedPage = await seeding.newPage();
  await seedPage.goto(lessonPath);
  while ((await currentStepId(seedPage)).state !== 'answering') await takeOneStep(seedPage, firstLesson, firstWords);
  await expect(seedPage.getByText('Progress saved on this device.')).toBeVisible();
  const savedPlace = await seeding.storageState({ indexedDB: true });
  await seeding.close();

  const phone = {
    lesson: { fcp: [] as number[], question: [] as number[], kb: [] as number[] },
    floor: { fcp: [] as number[], question: [] as number[], kb: [] as number[] },
    dashboard: { fcp: [] as number[], kb: [] as number[] },
  };
  for (let run = 0; run < PHONE_RUNS; run++) {
    for (const target of run % 2 === 0 ? (['lesson', 'floor'] as const) : (['floor', 'lesson'] as const)) {
      const profile = await phoneContext(browser, target === 'lesson' ? savedPlace : undefined);
      await profile.page.goto(target === 'lesson' ? lessonPath : FLOOR_PATH, { waitUntil: 'commit' });
      const answerable = await firstQuestionAnswerable(profile.page);
      phone[target].question.push(answerable);
      phone[target].fcp.push(await firstContentfulPaint(profile.page));
      // What loads once the learner presses the option (the feedback's code) is for the answer.
      const pressed = Math.min(answerable, await firstOptionPress(profile.page));
      phone[target].kb.push(await assetKilobytesBefore(profile, pressed));
      if (process.env.HEARD_BENCH_PHONE_ONLY && target === 'lesson' && run === 0) {
        const origin = await profile.page.evaluate(() => performance.timeOrigin);
        console.table(
          [...profile.assets.values()].map((asset) => ({
            file: asset.url.split('/').pop(),
            kb: Math.round(asset.bytes / 102.4) / 10,
            requestedMs: Math.round(asset.requestedAt - origin),
            beforeQuestion: asset.requestedAt < origin + pressed,
          })),
        );
      }
      await profile.context.close();
    }
    const dashboard = await phoneContext(browser);
    await dashboard.page.goto('/');
    await expect(dashboard.page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
    await dashboard.page.waitForLoadState('networkidle');
    phone.dashboard.fcp.push(await firstContentfulPaint(dashboard.page));
    phone.dashboard.kb.push(await assetKilobytesBefore(dashboard, Infinity));
    await dashboard.context.close();
  }
  const ratio = (heard: number[], floor: number[]) => median(heard) / median(floor);
  const profileName = `${PHONE.cpuSlowdown}× CPU, ${PHONE.latencyMs} ms, ${PHONE.downloadKbit / 1000} Mbit/s`;
  record(
    `Phone (${profileName}): first contentful paint, lesson`,
    median(phone.lesson.fcp),
    'ms',
    budgets.targets.phoneFirstContentfulPaintMs,
  );
  record('Phone: first contentful paint, static HTML floor', median(phone.floor.fcp), 'ms');
  record('Phone: first contentful paint, lesson ÷ floor', ratio(phone.lesson.fcp, phone.floor.fcp), '×');
  record(
    'Phone: first question answerable, lesson',
    median(phone.lesson.question),
    'ms',
    budgets.targets.phoneFirstQuestionMs,
  );
  record('Phone: first question answerable, static HTML floor', median(phone.floor.question), 'ms');
  record('Phone: first question answerable, lesson ÷ floor', ratio(phone.lesson.question, phone.floor.question), '×');
  record(
    'Phone: JS + CSS before the first question, lesson (gzip)',
    median(phone.lesson.kb),
    'KB',
    budgets.targets.lessonJsCssGzipKb,
  );
  record('Phone: JS + CSS, static HTML floor', median(phone.floor.kb), 'KB');
  record(
    'Phone: first contentful paint, dashboard',
    median(phone.dashboard.fcp),
    'ms',
    budgets.targets.phoneFirstContentfulPaintMs,
  );
  record(
    'Phone: JS + CSS the dashboard loads (gzip)',
    median(phone.dashboard.kb),
    'KB',
    budgets.targets.dashboardJsCssGzipKb,
  );

  if (process.env.HEARD_BENCH_PHONE_ONLY) {
    // A quick look at the phone profile alone: printed, not written to the README.
    console.table(rows);
    return;
  }

  // First load: every script and stylesheet the dashboard pulls in, gzipped.
  const firstLoad = { js: 0, css: 0 };
  const loadedScripts = new Set<string>();
  page.on('response', async (response) => {
    const url = response.url();
    const isScript = url.endsWith('.js') && !url.includes('/sw.js') && !url.includes('workbox-');
    if (!isScript && !url.endsWith('.css')) return;
    try {
      const size = gzipSync(await response.body()).length / 1024;
      if (isScript) {
        firstLoad.js += size;
        loadedScripts.add(url.split('/').pop() as string);
      } else firstLoad.css += size;
    } catch {
      // no body
    }
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your training' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  page.removeAllListeners('response');
  record('First-load JS (gzip)', firstLoad.js, 'KB', budgets.targets.firstLoadJsGzipKb);
  record('First-load CSS (gzip)', firstLoad.css, 'KB');
  const lazy = readdirSync('dist/assets')
    .filter((file) => file.endsWith('.js') && !loadedScripts.has(file))
    .map((file) => gzipSync(readFileSync(`dist/assets/${file}`)).length / 1024);
  record('Largest lazy chunk (gzip)', Math.max(...lazy), 'KB');

  // Answer to feedback, and each save, across every lesson of every module.
  // Timings live in each page's performance timeline, so they are collected after every lesson.
  const moduleIds = (JSON.parse(readFileSync('modules/course.json', 'utf8')) as { modules: string[] }).modules;
  // The whole course is played on the phone's CPU (4× slower; the network is not throttled here):
  // from the click's event time to the feedback in the DOM, and to the next paint after it.
  const feedback: number[] = [];
  const feedbackDom: number[] = [];
  const feedbackPaint: number[] = [];
  const saves: number[] = [];
  await page.context().addInitScript(instrument);
  const throttle = await page.context().newCDPSession(page);
  await throttle.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  for (const moduleId of moduleIds) {
    const { courseModule, words } = loadModule(moduleId);
    for (const lesson of courseModule.lessons) {
      await page.goto(`/modules/${moduleId}/lessons/${lesson.id}`);
      await playLesson(page, lesson, words);
      // The last answer's next paint may still be two frames away.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      feedback.push(...(await measures(page, 'heard:answer-to-feedback')));
      const times = await feedbackTimes(page);
      feedbackDom.push(...times.map((time) => time.dom));
      feedbackPaint.push(...times.map((time) => time.paint));
      saves.push(...(await measures(page, 'heard:save')));
    }
  }
  await throttle.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const answers = `${feedbackDom.length} answers, ${PHONE.cpuSlowdown}× CPU`;
  record(`Answer → feedback in the DOM p50 (${answers})`, percentile(feedbackDom, 50), 'ms');
  record(
    `Answer → feedback in the DOM p95 (${answers})`,
    percentile(feedbackDom, 95),
    'ms',
    budgets.targets.phoneAnswerToFeedbackP95Ms,
  );
  record(`Answer → next paint p95 (${answers})`, percentile(feedbackPaint, 95), 'ms');
  record(
    `Answer → feedback p95, submit to effect (${feedback.length} answers, ${PHONE.cpuSlowdown}× CPU)`,
    percentile(feedback, 95),
    'ms',
    budgets.targets.answerToFeedbackP95Ms,
  );
  record(`IndexedDB write per step p50 (${PHONE.cpuSlowdown}× CPU)`, percentile(saves, 50), 'ms');
  // Collect garbage first, so the figure is what the course keeps, not what it has yet to free.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('HeapProfiler.collectGarbage');
  const memory = await page.evaluate(
    () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
  );
  record('JS heap after completing every module (after GC)', memory === null ? null : memory / 1024 / 1024, 'MB');

  // Resume: a cold reload in the middle of a lesson until the same step is interactive.
  const { courseModule, words } = loadModule('adultification');
  const lesson = courseModule.lessons[0];
  await page.goto(`/modules/adultification/lessons/${lesson.id}`);
  await page.getByRole('button', { name: 'Start this lesson again' }).click();
  await page.getByRole('button', { name: 'Yes, start the lesson again' }).click();
  for (let step = 0; step < 3; step++) await takeOneStep(page, lesson, words);
  const before = await currentStepId(page);
  const started = Date.now();
  await page.reload();
  await expect(page.locator(`.lesson[data-step-id="${before.stepId}"]`)).toBeVisible();
  await expect(page.locator('.lesson button').first()).toBeEnabled();
  record('Resume mid-lesson (cold reload)', Date.now() - started, 'ms', budgets.targets.resumeMs);

  // Certificate PDF generation (modules are passed by now).
  await page.goto('/certificates');
  await page.getByRole('textbox', { name: 'Your name, as it should appear' }).fill('Bench Mark');
  await page.getByRole('button', { name: 'Create my certificate' }).click();
  await page
    .getByRole('link', { name: /Start here/ })
    .first()
    .click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the PDF' }).click();
  await download;
  const certificate = await measures(page, 'heard:certificate');
  record('Certificate PDF generation', certificate.at(-1) ?? null, 'ms', budgets.targets.certificateMs);

  // Lighthouse, mobile and desktop, on the dashboard, a lesson and the certificates page.
  for (const [label, path] of [
    ['dashboard', '/'],
    ['lesson', `/modules/adultification/lessons/${lesson.id}`],
    ['certificates', '/certificates'],
  ]) {
    for (const preset of ['mobile', 'desktop'] as const) {
      // Mobile scores vary from run to run, so mobile takes the run with the median score.
      const results = Array.from({ length: preset === 'mobile' ? LIGHTHOUSE_RUNS : 1 }, () => lighthouse(path, preset))
        .filter((candidate) => candidate !== null)
        .sort((a, b) => a.performance - b.performance || a.lcp - b.lcp);
      const result = results[Math.floor((results.length - 1) / 2)] ?? null;
      const name = `Lighthouse ${preset}, ${label}`;
      record(
        `${name}: performance`,
        result?.performance ?? null,
        'score',
        preset === 'mobile' ? budgets.targets.lighthouseMobilePerformance : null,
        false,
      );
      record(
        `${name}: accessibility`,
        result?.accessibility ?? null,
        'score',
        budgets.targets.lighthouseAccessibility,
        false,
      );
      record(
        `${name}: best practices`,
        result?.bestPractices ?? null,
        'score',
        budgets.targets.lighthouseBestPractices,
        false,
      );
      record(
        `${name}: LCP`,
        result?.lcp ?? null,
        'ms',
        preset === 'mobile' ? budgets.targets.lighthouseMobileLcpMs : null,
      );
      record(`${name}: TBT`, result?.tbt ?? null, 'ms');
      record(`${name}: CLS`, result?.cls ?? null, '');
    }
  }

  const verdict = (row: Row) =>
    row.target === null
      ? ''
      : row.value === null
        ? 'not measured'
        : (row.lowerIsBetter ? row.value <= row.target : row.value >= row.target)
          ? 'ok'
          : 'OVER BUDGET';
  const table = [
    '| measure | value | target | |',
    '|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.measure} | ${row.value ?? 'n/a'} ${row.unit} | ${row.target === null ? '' : `${row.lowerIsBetter ? '≤' : '≥'} ${row.target}`} | ${verdict(row)} |`,
    ),
  ].join('\n');
  console.log(`\n${table}\n`);
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/bench.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`);
  const readme = readFileSync('README.md', 'utf8');
  const stamped = `<!-- bench:start -->\nLatest \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, this machine):\n\n${table}\n<!-- bench:end -->`;
  writeFileSync('README.md', readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, stamped));
  expect(
    rows.filter((row) => verdict(row) === 'OVER BUDGET' || verdict(row) === 'not measured').map((row) => row.measure),
  ).toEqual([]);
});
