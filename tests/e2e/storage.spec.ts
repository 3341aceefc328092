import { DEMO_ARTICLES } from '../../demo/corpus';
import { TARGET } from './fixtures';
import { expect, test } from '../extension/e2e-support';

test('a full quota leaves the store as it was and tells the reader', async ({ ext, driver, server }) => {
  test.setTimeout(120_000);
  const url = (a: (typeof DEMO_ARTICLES)[number]) => server.origin(a.host) + a.path;
  const others = DEMO_ARTICLES.filter((a) => a !== TARGET).slice(0, 2);
  for (const a of others) await driver.read(url(a));
  const before = await driver.send('stats', {});

  const worker = await ext.serviceWorker();
  await worker.evaluate(() => {
    const proto = IDBObjectStore.prototype as IDBObjectStore & { __put?: IDBObjectStore['put'] };
    proto.__put = proto.put;
    proto.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    await expect
      .poll(async () => (await driver.send('storageProblem', {}))?.message ?? '', { timeout: 20_000 })
      .toMatch(/storage for Parallax is full/);
  } finally {
    await worker.evaluate(() => {
      const proto = IDBObjectStore.prototype as IDBObjectStore & { __put?: IDBObjectStore['put'] };
      if (proto.__put) proto.put = proto.__put;
    });
  }
  const after = await driver.send('stats', {});
  expect({ ...after, usage: 0, quota: 0 }).toEqual({ ...before, usage: 0, quota: 0 });
  expect((await driver.send('pageSummary', { url: url(TARGET) })).known).toBe(false);

  // The options page says what happened, and shows the space used against the budget and the quota.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.locator('.px-storage-problem')).toContainText(/storage for Parallax is full/);
  await expect(options.locator('.px-usage')).toContainText(/Space used: .* of the .* you allow \(the browser allows .*\)/);

  // With room again, the same article is stored whole.
  await driver.read(url(TARGET));
  expect((await driver.send('stats', {})).articles).toBe(before.articles + 1);
});

test('old articles can be pruned by age from the options page', async ({ ext, driver, server }) => {
  const a = DEMO_ARTICLES[0]!;
  await driver.read(server.origin(a.host) + a.path);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.locator('input[name="prune-days"]').fill('30');
  await options.getByRole('button', { name: 'Delete old articles' }).click();
  await expect(options.locator('.px-section', { hasText: 'Make room' }).getByRole('status')).toHaveText('No article was that old.');
  await options.locator('input[name="prune-days"]').fill('0');
  await options.getByRole('button', { name: 'Delete old articles' }).click();
  await expect(options.locator('.px-section', { hasText: 'Make room' }).getByRole('status')).toHaveText('Deleted 1 article.');
  expect((await driver.send('stats', {})).articles).toBe(0);
});
