// `npm run bench`, part two: a cohort of 2,000 learners in a real LRS on loopback (Learning
// Locker's statement service), every statement made by the app's own builders from learners played
// through the real lesson machine. Measures, in headless Chromium against the production build, the
// trainer's first full sync, an incremental sync, the first render of the cohort view from the
// device's cache, and the JS heap; checks them against bench/budgets.json; writes the table into
// the README's bench section and reports/lrs-bench.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { CourseModule } from '../src/engine/contentSchema';
import { startLrs, type RunningLrs } from '../tests/fixtures/loopbackLrs';
import { LRS_AUTHORIZATION } from '../tests/fixtures/loopbackLrs';
import { LRS_PAGE_LIMIT } from '../src/trainer/lrsSync';
import { cohortStatements, postStatements, type SeedLearner } from '../tests/fixtures/lrsCohortSeed';
import { loadModule } from '../tests/e2e/course';

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as { targets: Record<string, number> };
const BASE = `http://127.0.0.1:${process.env.HEARD_BENCH_PORT ?? 4180}`;
const LEARNERS = Number(process.env.HEARD_LRS_BENCH_LEARNERS ?? 2000);
const COURSE = 'https://heard.example.org/xapi/course';
const trainerWords = JSON.parse(readFileSync('locales/en/trainer.json', 'utf8')) as Record<string, string>;
const courseIds = (JSON.parse(readFileSync('modules/course.json', 'utf8')) as { modules: string[] }).modules;
const modules: CourseModule[] = courseIds.map((moduleId) => loadModule(moduleId).courseModule);
const [key, secret] = Buffer.from(LRS_AUTHORIZATION.slice('Basic '.length), 'base64').toString().split(':');

interface Row {
  measure: string;
  value: number;
  unit: string;
  target: number | null;
}

/** Seeds the LRS a hundred learners at a time, so the seed never holds 100,000 statements at once. */
async function seed(lrs: RunningLrs, learners: SeedLearner[], startAt: number): Promise<number> {
  let count = 0;
  for (let index = 0; index < learners.length; index += 100) {
    const statements = await cohortStatements(modules, learners.slice(index, index + 100), {
      courseId: COURSE,
      homePage: 'https://lms.example.org',
      startAt: startAt + index * 100_000,
    });
    await postStatements(lrs.endpoint, statements, 1000);
    count += statements.length;
  }
  return count;
}

/**
 * The trainer's browser talks to the LRS directly, as in a deployment: `npm run bench` builds with
 * HEARD_TRAINER_LRS naming the loopback LRS's origin, so the app's content security policy (the
 * built page's meta tag and the preview server's header) allows it, and the LRS answers CORS.
 * (Forwarding each request through Playwright's page.route, as this bench once did, added more
 * than the sync itself costs.) Without that build the bench stops and says why.
 */
function lrsAddress(): URL {
  const address = process.env.HEARD_TRAINER_LRS;
  if (!address) throw new Error('Run the LRS bench with `npm run bench`: it builds with HEARD_TRAINER_LRS set.');
  const url = new URL(address);
  const page = readFileSync('dist/index.html', 'utf8');
  if (!page.includes(url.origin)) {
    throw new Error(`dist/ was not built with HEARD_TRAINER_LRS=${address}; run \`npm run bench\`.`);
  }
  return url;
}

/**
 * HEARD_LRS_BENCH_PROFILE=1 records a CPU profile of each measured step into reports/ (open it in
 * Chromium's DevTools, Performance panel), to see where the time goes.
 */
async function profiled<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  if (!process.env.HEARD_LRS_BENCH_PROFILE) return step();
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Profiler.enable');
  await devtools.send('Profiler.start');
  const result = await step();
  const { profile } = await devtools.send('Profiler.stop');
  mkdirSync('reports', { recursive: true });
  writeFileSync(`reports/lrs-${name}.cpuprofile`, JSON.stringify(profile));
  await devtools.detach();
  return result;
}

/**
 * The test LRS's in-memory store pages with a cursor compared as a string against its own
 * version-1 UUIDs, whose first part is the low 32 bits of the clock: it wraps every 429 s, and a
 * seed that spans a wrap makes `more` skip and repeat statements (a real LRS's cursor does not).
 * This reads every page the way the app does and stops the bench, saying why, rather than
 * measuring a sync of a cohort the LRS cannot page through.
 */
async function checkLrsPaging(lrs: RunningLrs, seeded: number) {
  const ids = new Set<string>();
  let next: string | null = `${lrs.endpoint}statements?ascending=true&limit=${LRS_PAGE_LIMIT}`;
  while (next) {
    const response: Response = await fetch(next, {
      headers: { 'X-Experience-API-Version': '1.0.3', Authorization: LRS_AUTHORIZATION },
    });
    const page = (await response.json()) as { statements: { id: string }[]; more?: string };
    for (const statement of page.statements) ids.add(statement.id);
    next = page.more ? new URL(page.more, lrs.endpoint).href : null;
  }
  if (ids.size !== seeded) {
    throw new Error(
      `The test LRS pages ${ids.size} of the ${seeded} statements seeded (its cursor broke while the seed ran ` +
        'across a wrap of its UUID clock, every 429 s); run the bench again, on a less busy machine.',
    );
  }
}

const pageClock = (page: Page) => page.evaluate(() => performance.now());

/**
 * The page's clock when the LRS section first shows all these words with its cohort table: a
 * MutationObserver in the page notes the moment, so the figure is not rounded up to Playwright's
 * polling interval (up to a second) nor slowed by its locators walking a large page.
 */
function whenShown(page: Page, texts: string[], timeout: number): Promise<number> {
  return page.evaluate(
    ({ wanted, timeout }) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          const section = document.querySelector('section[aria-labelledby="lrs-heading"]');
          reject(
            new Error(
              `Not shown within ${timeout} ms: ${wanted.join(' / ')}; the section says: ${section?.textContent?.slice(0, 600)}`,
            ),
          );
        }, timeout);
        const check = () => {
          const section = document.querySelector('section[aria-labelledby="lrs-heading"]');
          const text = (section?.textContent ?? '').replace(/\s+/g, ' ');
          if (section?.querySelector('table tbody tr') && wanted.every((words) => text.includes(words))) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now());
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        check();
      }),
    { wanted: texts, timeout },
  );
}

test(`the cohort from the LRS at ${LEARNERS} learners`, async ({ page }) => {
  test.setTimeout(3_600_000);
  const address = lrsAddress();
  const lrs = await startLrs(Number(address.port));
  try {
    const learners: SeedLearner[] = Array.from({ length: LEARNERS }, (_, index) => ({
      learnerId: `learner-${index}`,
      way: index % 4 === 0 ? 'longest' : 'right',
    }));
    const seeded = await seed(lrs, learners, Date.UTC(2026, 9, 1));
    console.log(`Seeded ${seeded} statements for ${LEARNERS} learners.`);
    await checkLrsPaging(lrs, seeded);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${BASE}/trainer`);
    await page.getByRole('textbox', { name: 'Title' }).fill('Adultification, whole service');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Jo Trainer');
    const { words } = loadModule('adultification');
    await page
      .getByRole('checkbox', { name: trainerWords['create.wholeModule']!.replace('{{title}}', words.title!) })
      .check({ timeout: 30_000 });
    await page.getByRole('spinbutton', { name: 'Pass mark (% of decisions right)' }).fill('80');
    await page.getByRole('button', { name: 'Create and sign the assignment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Adultification, whole service' })).toBeVisible();

    const section = page.getByRole('region', { name: trainerWords['lrs.heading'] });
    await section.getByRole('textbox', { name: trainerWords['lrs.endpoint'] }).fill(lrs.endpoint);
    await section.getByRole('textbox', { name: trainerWords['lrs.key'] }).fill(key!);
    await section.getByLabel(trainerWords['lrs.secret']!).fill(secret!);
    await section.getByRole('textbox', { name: trainerWords['lrs.activity'] }).fill(COURSE);
    const table = section.getByRole('table', { name: /Who finished/ });

    // First full sync: from the click until the cohort table shows.
    let done = whenShown(
      page,
      [`Learners in the LRS for this course: ${LEARNERS}.`],
      Number(process.env.HEARD_LRS_BENCH_WAIT ?? 1_200_000),
    );
    let started = await pageClock(page);
    await profiled(page, 'full-sync', async () => {
      await section.getByRole('button', { name: trainerWords['lrs.connect'] }).click();
      await done;
    });
    const fullSync = (await done) - started;
    await expect(section.getByText(`Learners in the LRS for this course: ${LEARNERS}.`)).toBeVisible();
    // Paged: one page of learners at a time.
    await expect(table.getByRole('row')).toHaveCount(Math.min(LEARNERS, 50) + 1);

    // Incremental: one more learner's statements, then "Read new results", until the cohort view
    // counts the new learner among those who finished (not only until the sync has stored them).
    const more = await seed(lrs, [{ learnerId: 'late-learner', way: 'right' }], Date.UTC(2026, 10, 30));
    done = whenShown(
      page,
      [
        `Learners in the LRS for this course: ${LEARNERS + 1}.`,
        `Learners from the LRS who finished every assigned lesson: ${LEARNERS + 1} `,
      ],
      120_000,
    );
    started = await pageClock(page);
    await profiled(page, 'incremental-sync', async () => {
      await section.getByRole('button', { name: trainerWords['lrs.sync'] }).click();
      await done;
    });
    const incremental = (await done) - started;
    await expect(section.getByText(`Learners in the LRS for this course: ${LEARNERS + 1}.`)).toBeVisible();

    // First render of the cohort view from the device's cache: a cold reload until the table shows,
    // timed in the page from the end of DOMContentLoaded to the table's first appearance.
    await page.addInitScript(() => {
      const seen = () => {
        if (document.querySelector('section[aria-labelledby="lrs-heading"] table')) {
          (window as unknown as { lrsTableAt: number }).lrsTableAt = performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(seen);
      observer.observe(document, { childList: true, subtree: true });
    });
    started = Date.now();
    await profiled(page, 'reload', async () => {
      await page.reload();
      await expect(
        page.getByRole('region', { name: trainerWords['lrs.heading'] }).getByRole('table').first(),
      ).toBeVisible({ timeout: 60_000 });
    });
    const reloadToTable = Date.now() - started;
    const render = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return (window as unknown as { lrsTableAt: number }).lrsTableAt - navigation.domContentLoadedEventEnd;
    });

    const devtools = await page.context().newCDPSession(page);
    await devtools.send('HeapProfiler.collectGarbage');
    const heap = await page.evaluate(
      () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );

    const rows: Row[] = [
      { measure: `Statements in the LRS (${LEARNERS} learners)`, value: seeded, unit: '', target: null },
      {
        measure: 'First full sync (until the cohort shows)',
        value: fullSync,
        unit: 'ms',
        target: budgets.targets.lrsFullSyncMs!,
      },
      {
        measure: `Incremental sync (${more} new statements)`,
        value: incremental,
        unit: 'ms',
        target: budgets.targets.lrsIncrementalSyncMs!,
      },
      { measure: 'Cohort view, cold reload until the table shows', value: reloadToTable, unit: 'ms', target: null },
      {
        measure: 'Cohort view, first render after the page loaded',
        value: render,
        unit: 'ms',
        target: budgets.targets.lrsFirstRenderMs!,
      },
      {
        measure: 'JS heap with the cohort shown (after GC)',
        value: heap / 1024 / 1024,
        unit: 'MB',
        target: budgets.targets.lrsHeapMb!,
      },
    ];
    const over = rows.filter((row) => row.target !== null && row.value > row.target);
    const markdown = [
      '| measure | value | target | |',
      '|---|---|---|---|',
      ...rows.map(
        (row) =>
          `| ${row.measure} | ${Math.round(row.value * 10) / 10} ${row.unit} | ${row.target === null ? '' : `≤ ${row.target}`} | ${row.target === null ? '' : row.value <= row.target ? 'ok' : 'OVER BUDGET'} |`,
      ),
    ].join('\n');
    console.log(`\n${markdown}\n`);
    mkdirSync('reports', { recursive: true });
    writeFileSync(
      'reports/lrs-bench.json',
      `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`,
    );
    if (LEARNERS === 2000) {
      const readme = readFileSync('README.md', 'utf8');
      const stamped = `<!-- lrs-bench:start -->\nLatest LRS cohort bench (${new Date().toISOString().slice(0, 10)}, this machine, ${LEARNERS} learners):\n\n${markdown}\n<!-- lrs-bench:end -->`;
      writeFileSync('README.md', readme.replace(/<!-- lrs-bench:start -->[\s\S]*<!-- lrs-bench:end -->/, stamped));
    }
    expect(over.map((row) => row.measure)).toEqual([]);
  } finally {
    lrs.stop();
  }
});
