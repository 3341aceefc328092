import { readFile } from 'node:fs/promises';
import { DEMO_ARTICLES } from '../../demo/corpus';
import { createDriver } from '../../scripts/support/driver';
import { TARGET } from './fixtures';
import { expect, test } from '../extension/e2e-support';

test('export from one profile, import into a fresh one: same articles, sentences, stories and marks', async ({
  ext,
  driver,
  server,
  openExtension,
}) => {
  test.setTimeout(180_000);
  const url = (a: (typeof DEMO_ARTICLES)[number]) => server.origin(a.host) + a.path;
  for (const article of DEMO_ARTICLES) await driver.read(url(article));
  const before = await driver.send('stats', {});
  const annotationBefore = await driver.send('annotate', { url: url(TARGET) });

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export as JSON Lines' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^parallax-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const exported = await readFile((await download.path())!, 'utf8');
  expect(exported.trim().split('\n')).toHaveLength(before.articles);

  // One outlet alone.
  await options.locator('select[name="export-outlet"]').selectOption({ value: 'outlet:The Daily Ledger' });
  const [one] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export as JSON Lines' }).click(),
  ]);
  const oneText = await readFile((await one.path())!, 'utf8');
  const oneLines = oneText
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { outlet: string });
  expect(oneLines.map((l) => l.outlet)).toEqual(['The Daily Ledger', 'The Daily Ledger']);

  // One story alone: the crane collapse, not the battery recall.
  const crane = before.recentStories?.find((s) => /crane/i.test(s.title));
  expect(crane).toBeDefined();
  await options.locator('select[name="export-outlet"]').selectOption({ value: `story:${crane!.id}` });
  const [story] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export as JSON Lines' }).click(),
  ]);
  const storyLines = (await readFile((await story.path())!, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { title: string });
  expect(storyLines).toHaveLength(crane!.articles);
  expect(storyLines.some((l) => /recall/i.test(l.title))).toBe(false);

  // A fresh profile imports the file, with a few bad lines added at the end.
  const fresh = await openExtension();
  const freshDriver = createDriver(fresh);
  const bad = [
    '{"url": "https://x.test/a", "outlet": "X"}',
    'not json at all',
    JSON.stringify({ url: 'ftp://x.test/b', outlet: 'X', title: 'T', text: 'Some text.' }),
  ];
  const file = exported + bad.join('\n') + '\n' + exported.split('\n')[0] + '\n';
  const page = await fresh.context.newPage();
  await page.goto(`chrome-extension://${fresh.extensionId}/options.html`);
  await page
    .locator('input[name="import-file"]')
    .setInputFiles({ name: 'parallax.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(file) });
  const report = page.locator('.px-import-report');
  await expect(report).toBeVisible({ timeout: 120_000 });
  const n = before.articles;
  await expect(report).toContainText(`${n + 1} articles stored (1 already there, updated); 3 lines were not imported.`);
  await expect(report).toContainText(`line ${n + 1}: missing "title"`);
  await expect(report).toContainText(`line ${n + 2}: not JSON`);
  await expect(report).toContainText(`line ${n + 3}:`);

  const after = await freshDriver.send('stats', {});
  expect({ ...after, usage: 0, quota: 0 }).toEqual({ ...before, usage: 0, quota: 0 });
  // The same sentences marked, by the same outlets (scores may differ in the last digits: the
  // duplicate line re-stored one article, which links it again from the other side).
  const annotationAfter = await freshDriver.send('annotate', { url: url(TARGET) });
  const shape = (a: typeof annotationBefore) => ({
    articleId: a?.articleId,
    storyOutlets: [...(a?.storyOutlets ?? [])].sort(),
    marked: (a?.marked ?? []).map((m) => ({
      index: m.index,
      reports: m.reports.map((r) => ({ outlet: r.outlet, articleId: r.articleId, reprintedBy: r.reprintedBy ?? [] })),
    })),
  });
  expect(annotationBefore?.marked.length).toBeGreaterThan(0);
  expect(shape(annotationAfter)).toEqual(shape(annotationBefore));
});

test('a large file shows its progress and loads in batches', async ({ ext, driver }) => {
  // Not a speed check (that is npm run bench:browser): room for a slow, busy machine.
  test.setTimeout(420_000);
  const lines: string[] = [];
  for (let i = 0; i < 120; i++) {
    const text = Array.from(
      { length: 6 },
      (_, j) => `Topic ${i} sentence ${j} says the council met on day ${i + j} and voted on measure ${i * 7 + j}.`,
    ).join(' ');
    lines.push(JSON.stringify({ url: `https://bulk.test/${i}`, outlet: `Outlet ${i % 4}`, title: `Bulletin ${i}`, text }));
  }
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page
    .locator('input[name="import-file"]')
    .setInputFiles({ name: 'bulk.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.locator('.px-import-progress')).toBeVisible();
  await expect(page.locator('.px-import-report')).toContainText('120 articles stored.', { timeout: 390_000 });
  expect((await driver.send('stats', {})).articles).toBe(120);
});
