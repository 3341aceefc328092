import { test as base } from '@playwright/test';
import { DEMO_ARTICLES, type DemoArticle } from '../../demo/corpus';
import { startCorpusServer, type CorpusServer, type CorpusServerOptions } from '../../demo/server';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/browser';
import { createDriver, type Driver } from '../../scripts/support/driver';

/** The article a reader opens last: the latest of the main story. */
export const TARGET: DemoArticle = DEMO_ARTICLES.filter((a) => a.story === 'A')
  .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
  .at(-1)!;

export const OTHERS: DemoArticle[] = DEMO_ARTICLES.filter((a) => a !== TARGET);

/**
 * The extension in a fresh profile (empty IndexedDB) for every test, with its
 * driver, and one loopback server per worker serving the demo sites and
 * `server.extraSites` (pages a spec writes itself).
 */
export function extensionTest(server: CorpusServerOptions = {}) {
  return base.extend<{ ext: ExtensionBrowser; driver: Driver }, { server: CorpusServer }>({
    server: [
      async ({}, use) => {
        const running = await startCorpusServer(server);
        await use(running);
        await running.close();
      },
      { scope: 'worker' },
    ],
    ext: async ({}, use) => {
      const ext = await launchWithExtension();
      await use(ext);
      await ext.close();
    },
    driver: async ({ ext }, use) => {
      await use(createDriver(ext));
    },
  });
}

export const test = extensionTest().extend<{ url: (a: DemoArticle) => string }>({
  url: async ({ server }, use) => {
    await use((a) => server.origin(a.host) + a.path);
  },
});

/** Every stored article as the export gives it, one JSON line each, read a page at a time. */
export async function exportedLines(driver: Driver): Promise<string[]> {
  const lines: string[] = [];
  let after: number | undefined;
  do {
    const page = await driver.send('exportArticles', after === undefined ? {} : { after });
    lines.push(...page.lines);
    after = page.next;
  } while (after !== undefined);
  return lines;
}

export { expect } from '@playwright/test';
