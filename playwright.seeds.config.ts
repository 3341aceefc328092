import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The seeds evaluation (`npm run eval seeds-parity`): the built extension in Chromium on ../shared's seed articles.
export default defineConfig({ ...base, testDir: 'scripts/eval/browser', retries: 0 });
