import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// End-to-end tests run against the built app served by server/ in demo mode: e2e/global-setup.ts
// builds once (the static demo too, when its spec runs) and serves the build on PORT.
// On this machine Playwright's own browser download is unreachable: use Debian's build when present.
// Its headless shell first: what Playwright itself runs for headless tests, and measured here at
// 2.5 min for the suite against 3.6 min with the full browser in headless mode (the same Blink and
// V8, without the full browser's UI and services); then the full browser.
const systemChromium = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // Playwright's default limits (30 s a test, 5 s an expect): every test waits for what the user
  // sees and goes on the moment it is there.
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
});
