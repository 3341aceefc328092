import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built extension in the system's Chromium
// (scripts/support/browser.ts); `npm run test:e2e` builds it first.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
});
