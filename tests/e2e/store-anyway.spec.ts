/**
 * A page Parallax does not take as an article: the popup says why, in the
 * words of the test that failed, and "Store this page anyway" stores it
 * through the usual capture, after which its sentences are found by the
 * popup's search. A page that names another site as its address is refused
 * even then, with the reason.
 */
import type { ExtensionBrowser } from '../../scripts/support/browser';
import type { Driver } from '../../scripts/support/driver';
import { expect, extensionTest } from './fixtures';

const HOST = 'harbourtimes.test';

/** A notice of two short sentences: an article to the extractor, too short for the pipeline to compare. */
const NOTICE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable change</title></head>
<body><header><nav><a href="/">Home</a> <a href="/travel">Travel</a></nav></header>
<main><h1>Ferry timetable change</h1>
<p>From Monday the morning ferry to Saltholm will leave the north pier at 7.40 instead of 7.15, the harbour office said.</p>
<p>The evening crossing keeps its usual time, and season tickets remain valid on every sailing.</p></main>
<footer>© Harbour Times</footer></body></html>`;

/** The same kind of notice naming a page of another site as its own address. */
const BORROWED = NOTICE.replace('<title>', '<link rel="canonical" href="http://othersite.test/notices/ferry"><title>');

const test = extensionTest({ extraSites: { [HOST]: { '/notices/ferry': NOTICE, '/notices/borrowed': BORROWED } } });

/** Opens `url` in a tab, then the popup for that tab as a page of its own. */
async function openWithPopup(ext: ExtensionBrowser, driver: Driver, url: string) {
  const page = await driver.extensionPage();
  const tab = await ext.context.newPage();
  await tab.goto(url);
  // Tab ids grow: the tab just opened has the largest (its address is hidden without the "tabs" permission).
  const tabId = await page.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));
  expect(tabId, 'the tab showing the page').toBeGreaterThan(0);
  const popup = await ext.context.newPage();
  // The content script reads the page once it has loaded; the popup asks it what became of the page.
  await expect
    .poll(
      async () => {
        await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?for=${encodeURIComponent(url)}&tab=${tabId}`);
        return (await popup.locator('.px-why').count()) > 0;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return { tab, popup };
}

test('a page that is not an article: the popup says why and stores it anyway, and its sentences are then found', async ({
  ext,
  driver,
  server,
}) => {
  const url = `${server.origin(HOST)}/notices/ferry`;
  const { popup } = await openWithPopup(ext, driver, url);
  await expect(popup.locator('.px-summary')).toContainText('Parallax has not stored this page.');
  await expect(popup.locator('.px-why')).toHaveText(/^The article is too short to compare \(\d+ words; at least \d+\)\.$/);
  expect((await driver.send('stats', {})).articles).toBe(0);

  await popup.getByRole('button', { name: 'Store this page anyway' }).click();
  await expect(popup.locator('.px-summary')).toContainText(/of 2 sentences marked/);
  await expect(popup.locator('.px-summary-title')).toHaveText('Ferry timetable change');
  expect((await driver.send('stats', {})).articles).toBe(1);

  await popup.locator('input[type="search"]').fill('morning ferry Saltholm');
  await expect(popup.locator('.px-groups')).toContainText('leave the north pier at 7.40');
});

test('storing anyway refuses a page that names another site as its address, saying so', async ({ ext, driver, server }) => {
  const url = `${server.origin(HOST)}/notices/borrowed`;
  const { popup } = await openWithPopup(ext, driver, url);
  await popup.getByRole('button', { name: 'Store this page anyway' }).click();
  await expect(popup.getByRole('alert')).toHaveText('Not stored: the page gives an address on another site (othersite.test) as its own.');
  await expect(popup.getByRole('button', { name: 'Store this page anyway' })).toHaveCount(0);
  expect((await driver.send('stats', {})).articles).toBe(0);
});
