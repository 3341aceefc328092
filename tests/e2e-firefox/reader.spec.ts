/**
 * The reader's path in Firefox: the Firefox (MV2) build, installed in
 * Debian's Firefox ESR, reads the demo outlets served on loopback, marks the
 * next article, opens the card on hover and on focus, searches from the
 * popup, counts the marks on the toolbar badge, imports what it exported,
 * and follows feeds, whose pages the background page reads itself (Firefox
 * has no offscreen document).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_OUTLETS, type DemoArticle } from '../../demo/corpus';
import { DEMO_FEED_FIXTURES } from '../../demo/feeds/index';
import {
  FIREFOX_EXTENSION_DIR,
  addressOf,
  launchFirefoxWithExtension,
  waitFor,
  type ElementHandle,
  type FirefoxExtension,
  type Page,
  type WebExtensionGlobal,
} from '../../scripts/support/firefox';
import { feedWorker, privateProbes } from '../extension/e2e-support';
import { OTHERS, TARGET } from '../e2e/fixtures';
import { expect } from '@playwright/test';

/** Every host name the tests visit, resolved to loopback in Firefox. */
const HOSTS = [...new Set([...DEMO_OUTLETS.map((o) => o.host), ...DEMO_FEED_FIXTURES.map((f) => f.host), 'oddities.test'])];

const test = feedWorker(FIREFOX_EXTENSION_DIR).extend<{ firefox: FirefoxExtension }>({
  // A fresh profile for every test.
  firefox: async ({ extensionDir }, use) => {
    const firefox = await launchFirefoxWithExtension({ extensionDir, hosts: HOSTS });
    await use(firefox);
    await firefox.close();
  },
});

/** The marked sentences' texts (first segment of each mark). */
const markTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => Array.from(document.querySelectorAll('mark[data-parallax-index][tabindex="0"]'), (m) => m.textContent ?? ''));

async function markWith(page: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    (wanted: string) =>
      Array.from(document.querySelectorAll('mark[data-parallax-index][tabindex="0"]')).find((m) => m.textContent?.includes(wanted)) ?? null,
    text,
  );
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`no mark contains “${text}”`);
  return element;
}

/**
 * The text of the sentence whose card is open, or undefined while none is.
 * The card itself lives in a closed shadow root that no page script (and so
 * no WebDriver BiDi script) can read; what it shows is the annotation, read
 * from the background below, and the Chromium tests read the rendered card
 * through the DevTools protocol.
 */
const openSentence = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => {
    const active = Array.from(document.querySelectorAll('mark[data-parallax-active]'), (m) => m.textContent ?? '').join('');
    return active || undefined;
  });

async function waitForMarks(page: Page, atLeast = 1): Promise<string[]> {
  return waitFor('the marks', async () => {
    const texts = await markTexts(page);
    return texts.length >= atLeast ? texts : undefined;
  });
}

test('the welcome page opens on install and offers outlets without following any', async ({ firefox }) => {
  const welcome = await firefox.extensionPage('welcome.html');
  const text = await welcome.evaluate(() => document.body.innerText);
  expect(text).toContain('Welcome to Parallax');
  expect(text).toContain('Everything stays on this computer');
  expect(await welcome.evaluate(() => document.querySelectorAll('.px-steps > li').length)).toBe(3);
  expect(await welcome.evaluate(() => document.querySelectorAll('input[name="outlet"]:checked').length)).toBe(0);
  expect(await firefox.send('listFeeds', {})).toEqual([]);
});

test('a reader who has read the other outlets sees the repeated claims marked, the card on hover and focus, and the count on the badge', async ({
  firefox,
  server,
}) => {
  const url = (a: DemoArticle): string => server.origin(a.host) + a.path;
  for (const article of OTHERS) await firefox.read(url(article));

  const page = await firefox.browser.newPage();
  await page.goto(url(TARGET));
  await page.bringToFront();
  const marked = await waitForMarks(page, 4);
  for (const claim of [
    'halted work for about 5,000 dock workers',
    'caused by a fractured weld',
    'could not be independently verified',
    'This is a precautionary measure',
  ]) {
    expect(
      marked.filter((t) => t.includes(claim)),
      claim,
    ).toHaveLength(1);
  }
  // Claims only this outlet carries stay unmarked.
  const allMarked = await page.evaluate(() =>
    Array.from(document.querySelectorAll('mark[data-parallax-index]'), (m) => m.textContent).join(' '),
  );
  for (const own of ['Ruth Abernethy', 'Tollund Heavy Industries', 'asked for privacy']) expect(allMarked).not.toContain(own);

  // What the cards show: the other outlets and the other figure.
  const annotation = await firefox.send('annotate', { url: url(TARGET) });
  const dock = annotation!.marked.find((m) => m.text.includes('halted work for about 5,000 dock workers'));
  expect(dock?.reports.map((r) => r.outlet)).toContain('Meridian Post');
  const otherFigure = dock?.reports.find((r) => r.sentence.includes('4,000'));
  expect(otherFigure?.differences.map((d) => d.label)).toContain('5,000 · 4,000');

  // Hover opens the sentence's card; Escape closes it.
  await (await markWith(page, 'halted work for about 5,000 dock workers')).hover();
  expect(await waitFor('the card on hover', () => openSentence(page))).toContain('halted work for about 5,000 dock workers');
  await page.keyboard.press('Escape');
  await waitFor('the card to close', async () => ((await openSentence(page)) === undefined ? true : undefined));

  // Keyboard readers: Tab to a marked sentence opens its card, Escape closes it and leaves focus on the sentence.
  await page.mouse.move(1, 1);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  // Tab on from the top of the page until it reaches a marked sentence.
  const tabbed = await waitFor('the card on focus', async () => {
    const open = await openSentence(page);
    if (!open) await page.keyboard.press('Tab');
    return open;
  });
  expect(marked.some((t) => tabbed.includes(t) || t.includes(tabbed))).toBe(true);
  await page.keyboard.press('Escape');
  await waitFor('the card to close', async () => ((await openSentence(page)) === undefined ? true : undefined));
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-parallax-index') ?? null)).not.toBeNull();

  // The toolbar badge of this tab counts the marked sentences, and says so in words.
  const count = annotation!.marked.length;
  const options = await firefox.extensionPage('options.html');
  const address = await addressOf(page);
  const badge = (): Promise<{ text: string; title: string }> =>
    options.evaluate(async (address) => {
      const ext = (globalThis as unknown as WebExtensionGlobal).browser;
      // Firefox's match patterns take no port: the tab is found by its address among all.
      const tab = (await ext.tabs.query({})).find((t) => t.url === address);
      if (tab?.id === undefined) return { text: 'no tab', title: '' };
      return { text: await ext.browserAction.getBadgeText({ tabId: tab.id }), title: await ext.browserAction.getTitle({ tabId: tab.id }) };
    }, address);
  expect(await waitFor('the badge', async () => ((await badge()).text === String(count) ? badge() : undefined))).toEqual({
    text: String(count),
    title: `Parallax: ${count} sentences reported by other outlets`,
  });
});

test('the popup searches everything stored, forgiving typos', async ({ firefox, server }) => {
  const url = (a: DemoArticle): string => server.origin(a.host) + a.path;
  for (const article of [...OTHERS, TARGET]) await firefox.read(url(article));
  const popup = await firefox.extensionPage(`popup.html?for=${encodeURIComponent(url(TARGET))}`);
  await waitFor('the page summary', async () => {
    const text = await popup.evaluate(() => document.body.innerText);
    return /sentences? marked/i.test(text) ? text : undefined;
  });
  await popup.bringToFront();
  await popup.type('input[type="search"]', 'precautionery mesure');
  const results = await waitFor('search results', async () => {
    const text = await popup.evaluate(() => document.querySelector('.px-groups')?.textContent ?? '');
    return text.includes('precautionary measure') ? text : undefined;
  });
  expect(results).toContain('The North Gazette');
  expect(await popup.evaluate(() => document.querySelectorAll('.px-groups a[href*="#:~:text="]').length)).toBeGreaterThan(0);
});

test('following outlets by their feeds fills the store, read in the background page, and an unvisited article gets marks', async ({
  firefox,
  server,
}) => {
  const followed = [
    ['capitalwire.test', '/rss'],
    ['meridianpost.test', '/feed.json'],
    ['harbourtimes.test', '/atom.xml'],
  ] as const;
  // One feed followed the way a reader does it: the options page's form (the site is already allowed).
  const options = await firefox.extensionPage('options.html');
  await options.bringToFront();
  await options.type('input[name="feed-url"]', server.origin('dailyledger.test') + '/feed.xml');
  const follow = await options.evaluateHandle(
    () => Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Follow') ?? null,
  );
  await (follow.asElement() as ElementHandle<Element>).click();
  await waitFor('the followed feed on the options page', async () =>
    (await options.evaluate(() => document.querySelectorAll('.px-feed').length)) === 1 ? true : undefined,
  );
  for (const [host, path] of followed) await firefox.send('followFeed', { url: server.origin(host) + path });

  const feeds = await firefox.send('pollFeeds', {});
  expect(feeds).toHaveLength(followed.length + 1);
  for (const feed of feeds) {
    expect(feed.lastError, feed.url).toBeUndefined();
    expect(feed.articlesAdded, feed.url).toBeGreaterThan(0);
  }
  const stats = await firefox.send('stats', {});
  expect(stats.outlets.map((o) => o.outlet)).toEqual(
    expect.arrayContaining(['The Daily Ledger', 'Meridian Post', 'Capital Wire', 'The Harbour Times']),
  );

  // An article of an outlet never visited nor followed.
  const page = await firefox.browser.newPage();
  await page.goto(server.origin(TARGET.host) + TARGET.path);
  await page.bringToFront();
  const marked = await waitForMarks(page);
  expect(marked.length).toBeGreaterThan(0);
  const annotation = await firefox.send('annotate', { url: server.origin(TARGET.host) + TARGET.path });
  const reporters = annotation!.marked.flatMap((m) => m.reports.map((r) => r.outlet));
  expect(reporters).toEqual(expect.arrayContaining(['Meridian Post']));

  // An item redirecting into the reader's machine: Firefox blocks the hop before it is requested.
  const hopsUrl = server.origin('oddities.test') + '/hops.xml';
  await firefox.send('followFeed', { url: hopsUrl });
  const hops = (await firefox.send('pollFeeds', {})).find((f) => f.url === hopsUrl)!;
  expect(privateProbes).toEqual([]);
  expect(hops.articlesAdded).toBe(0);
  expect((hops.problems ?? []).map((p) => p.reason).join('\n')).toMatch(/may not read/);
});

test('what is exported imports back through the options page: the same articles, sentences and stories', async ({ firefox, server }) => {
  const url = (a: DemoArticle): string => server.origin(a.host) + a.path;
  for (const article of [...OTHERS, TARGET]) await firefox.read(url(article));
  const before = await firefox.send('stats', {});
  // The lines the Export button saves, page by page.
  const lines: string[] = [];
  let after: number | undefined;
  do {
    const page = await firefox.send('exportArticles', after !== undefined ? { after } : {});
    lines.push(...page.lines);
    after = page.next;
  } while (after !== undefined);
  expect(lines).toHaveLength(before.articles);
  await firefox.send('deleteAll', {});
  expect((await firefox.send('stats', {})).articles).toBe(0);

  const folder = await mkdtemp(path.join(tmpdir(), 'parallax-import-'));
  try {
    const file = path.join(folder, 'parallax.jsonl');
    await writeFile(file, lines.join('\n') + '\n');
    const options = await firefox.extensionPage('options.html');
    const input = (await options.$('input[name="import-file"]')) as ElementHandle<HTMLInputElement> | null;
    if (!input) throw new Error('no import input on the options page');
    await input.uploadFile(file);
    const report = await waitFor(
      'the import report',
      async () => (await options.evaluate(() => document.querySelector('.px-import-report')?.textContent ?? '')) || undefined,
      120_000,
    );
    expect(report).toContain(`${before.articles} articles stored`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const restored = await firefox.send('stats', {});
  expect({ ...restored, usage: 0, quota: 0 }).toEqual({ ...before, usage: 0, quota: 0 });
  expect((await firefox.send('annotate', { url: url(TARGET) }))!.marked.length).toBeGreaterThan(0);
});
