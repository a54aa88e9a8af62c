#!/usr/bin/env bash
# The whole test command: type-check, lint, formatting, unit and component tests, production
# build, then end-to-end tests in Debian's headless Chromium. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
rm -rf reports && mkdir -p reports
status=0
step() { printf '\n=== %s\n' "$*"; }

step "type-check";  npx tsc --noEmit || status=1
step "lint";        npx eslint . --max-warnings=0 || status=1
step "formatting";  npx prettier --check . || status=1
step "unit and component tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json || status=1
step "build";       npx vite build || status=1
if [ -f dist/index.html ]; then
  step "end-to-end tests (Chromium)"
  npx playwright test || status=1
else
  echo "build failed: end-to-end tests not run"
fi
step "summary"
node tests/summary.mjs || status=1
exit $status
