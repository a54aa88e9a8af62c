// Prints the closing line CI reads, "N passed, N failed", summing Vitest and Playwright.
// A missing report counts as a failure, so a step that never ran cannot pass silently.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
let passed = 0;
// Failed checks that are not test runners (type-check, lint, formatting, build), from run-all.sh.
let failed = Number(process.argv[2] ?? 0) || 0;
let skipped = 0;

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numFailedTestSuites ?? 0);
  skipped += unit.numPendingTests + unit.numTodoTests;
} else failed += 1;

const e2e = read('reports/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
} else failed += 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
