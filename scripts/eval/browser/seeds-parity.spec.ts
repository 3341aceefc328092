/**
 * The parity check of tests/e2e/parity.ts on the five seed articles of
 * ../shared, served as five outlets' pages. Run by `npm run eval
 * seeds-parity` (scripts/eval/seeds-parity.ts), which builds the extension
 * first and refuses to start without the seeds; never part of `npm test`.
 */
import { expect } from '@playwright/test';
import { renderSeedSites } from '../../../demo/seed-pages';
import { startCorpusServer } from '../../../demo/server';
import { extensionTest } from '../../../tests/e2e/fixtures';
import { checkParity } from '../../../tests/e2e/parity';
import { sharedDir } from '../shared-path';
import path from 'node:path';

const test = extensionTest();

test('the five seed articles: each card lists the outlets of its claim group as parallax align gives it', async ({ driver }) => {
  test.setTimeout(240_000);
  const seeds = renderSeedSites(path.join(sharedDir(), 'seeds'));
  const server = await startCorpusServer({ extraSites: seeds.sites });
  try {
    const urls = seeds.hosts.map((h) => server.origin(h) + Object.keys(seeds.sites[h] ?? {}).find((p) => p !== '/'));
    expect(await checkParity(driver, urls)).toBeGreaterThan(3);
  } finally {
    await server.close();
  }
});
