import { test as base } from '@playwright/test';
import { DEMO_ARTICLES, type DemoArticle } from '../../demo/corpus';
import { startCorpusServer, type CorpusServer } from '../../demo/server';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/browser';
import { createDriver, type Driver } from '../../scripts/support/driver';

/** The article a reader opens last: the latest of the main story. */
export const TARGET: DemoArticle = DEMO_ARTICLES.filter((a) => a.story === 'A')
  .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
  .at(-1)!;

export const OTHERS: DemoArticle[] = DEMO_ARTICLES.filter((a) => a !== TARGET);

export const test = base.extend<{ ext: ExtensionBrowser; driver: Driver; url: (a: DemoArticle) => string }, { server: CorpusServer }>({
  server: [
    async ({}, use) => {
      const server = await startCorpusServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // A fresh profile (empty IndexedDB) for every test.
  ext: async ({}, use) => {
    const ext = await launchWithExtension();
    await use(ext);
    await ext.close();
  },
  driver: async ({ ext }, use) => {
    await use(createDriver(ext));
  },
  url: async ({ server }, use) => {
    await use((a) => server.origin(a.host) + a.path);
  },
});

export { expect } from '@playwright/test';
