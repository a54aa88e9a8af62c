import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';

// The benchmark: same Debian Chromium and production build as the tests, on its own port
// (HEARD_BENCH_PORT, 4180 unless set, so benches on a shared machine need not collide).
const PORT = Number(process.env.HEARD_BENCH_PORT ?? 4180);
export const BENCH_ORIGIN = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: '.',
  testMatch: ['bench.spec.ts', 'lrs.bench.spec.ts'],
  workers: 1,
  retries: 0,
  timeout: 600_000,
  reporter: 'list',
  use: { baseURL: BENCH_ORIGIN },
  projects: [
    {
      name: 'bench-chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] },
      },
    },
  ],
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BENCH_ORIGIN,
    reuseExistingServer: false,
    cwd: process.cwd(),
    timeout: 60_000,
  },
});
