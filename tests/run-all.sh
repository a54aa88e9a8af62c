#!/usr/bin/env bash
# The whole test command: type-check, lint, formatting, unit and component tests, production
# build, then end-to-end tests in Debian's headless Chromium. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
rm -rf reports && mkdir -p reports
status=0
# Checks that are not test runners (type-check, lint, formatting, build) count as one failed test
# each in the closing line, so that line never reads "0 failed" while the command fails.
failed_checks=0
step() { printf '\n=== %s\n' "$*"; }
check() { "$@" || { status=1; failed_checks=$((failed_checks + 1)); }; }

step "type-check";  check npx tsc --noEmit
step "lint";        check npx eslint . --max-warnings=0
step "formatting";  check npx prettier --check .
step "unit and component tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json || status=1
step "build";       rm -rf dist; check npx vite build
if [ -f dist/index.html ]; then
  step "end-to-end tests (Chromium)"
  npx playwright test || status=1
else
  echo "build failed: end-to-end tests not run"
fi
step "summary"
node tests/summary.mjs "$failed_checks" || status=1
exit $status
