/**
 * The card of every marked sentence lists the outlets `parallax align` gives
 * (tests/e2e/parity.ts), on the demo corpus. The same check on the five seed
 * articles of ../shared is an evaluation (`npm run eval seeds-parity`), since
 * the tests do not read ../shared.
 */
import { expect } from '@playwright/test';
import { DEMO_ARTICLES } from '../../demo/corpus';
import { startCorpusServer } from '../../demo/server';
import { extensionTest } from './fixtures';
import { checkParity } from './parity';

const test = extensionTest();

test('the demo corpus: each card lists the outlets of its claim group as parallax align gives it', async ({ driver }) => {
  test.setTimeout(240_000);
  const server = await startCorpusServer();
  try {
    const urls = [...DEMO_ARTICLES].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)).map((a) => server.origin(a.host) + a.path);
    expect(await checkParity(driver, urls)).toBeGreaterThan(5);
  } finally {
    await server.close();
  }
});
