import { defineConfig } from '@playwright/test';

// End-to-end tests of the Firefox build in the system's Firefox ESR, driven
// through WebDriver BiDi (scripts/support/firefox.ts); `npm run
// test:e2e:firefox` builds it first. Playwright runs the tests only: its own
// browsers are not used.
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e-firefox/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results/firefox',
});
