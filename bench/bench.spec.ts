// `npm run bench`: measures the production build in headless Chromium against bench/budgets.json,
// prints one table, writes reports/bench.json and the table into the README, and fails when a
// target is missed. Lighthouse runs through npx (it is not a project dependency) when available.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { currentStepId, loadModule, playLesson, takeOneStep } from '../tests/e2e/course';

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as { targets: Record<string, number> };
const BASE = `http://127.0.0.1:${process.env.HEARD_BENCH_PORT ?? 4180}`;
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

test('benchmark', async ({ page }) => {
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
  const feedback: number[] = [];
  const saves: number[] = [];
  for (const moduleId of moduleIds) {
    const { courseModule, words } = loadModule(moduleId);
    for (const lesson of courseModule.lessons) {
      await page.goto(`/modules/${moduleId}/lessons/${lesson.id}`);
      await playLesson(page, lesson, words);
      feedback.push(...(await measures(page, 'heard:answer-to-feedback')));
      saves.push(...(await measures(page, 'heard:save')));
    }
  }
  record(`Answer → feedback p50 (${feedback.length} answers)`, percentile(feedback, 50), 'ms');
  record(
    `Answer → feedback p95 (${feedback.length} answers)`,
    percentile(feedback, 95),
    'ms',
    budgets.targets.answerToFeedbackP95Ms,
  );
  record('IndexedDB write per step p50', percentile(saves, 50), 'ms');
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
      const result = lighthouse(path, preset);
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
      record(`${name}: LCP`, result?.lcp ?? null, 'ms');
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
