import type { Page } from '@playwright/test';
import { TARGET } from './fixtures';
import { MARKS, waitForCard } from './card-probe';
import { expect, privateProbes, test } from '../extension/e2e-support';

const FOLLOWED = [
  ['dailyledger.test', '/feed.xml'],
  ['harbourtimes.test', '/atom.xml'],
  ['meridianpost.test', '/feed.json'],
  ['capitalwire.test', '/rss'],
  ['eastbrookobserver.test', '/feed'],
] as const;

async function optionsPage(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('h1')).toHaveText('Parallax');
}

test.describe('following outlets by their feeds', () => {
  test.setTimeout(240_000);

  test('feeds in three formats fill the store, and an unvisited article gets marks', async ({ ext, driver, server }) => {
    // One feed followed the way a reader does it, through the options page form.
    const options = await ext.context.newPage();
    await optionsPage(options, ext.extensionId);
    await options.locator('input[name="feed-url"]').fill(server.origin('dailyledger.test') + '/feed.xml');
    await options.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(options.locator('.px-feed')).toHaveCount(1);
    for (const [host, path] of FOLLOWED.slice(1)) await driver.send('followFeed', { url: server.origin(host) + path });

    // The wire service's feed first: the store marks a copy as a reprint when its original is already
    // there (a copy stored before its original stays independent, a known gap of the corpus).
    const listed = await driver.send('listFeeds', {});
    const wireFeed = listed.find((f) => f.url.startsWith(server.origin('capitalwire.test')))!;
    await driver.send('pollFeeds', { id: wireFeed.id });
    const feeds = await driver.send('pollFeeds', {});
    expect(feeds).toHaveLength(FOLLOWED.length);
    for (const feed of feeds) {
      expect(feed.lastError, feed.url).toBeUndefined();
      expect(feed.articlesAdded, feed.url).toBeGreaterThan(0);
    }
    const stats = await driver.send('stats', {});
    // Two Daily Ledger stories, two Harbour Times stories, one each from the other three.
    expect(stats.articles).toBe(7);
    expect(stats.outlets.map((o) => o.outlet)).toEqual(
      expect.arrayContaining(['The Daily Ledger', 'The Harbour Times', 'Meridian Post', 'Capital Wire', 'The Eastbrook Observer']),
    );

    // A second poll finds nothing new and stores nothing twice.
    const again = await driver.send('pollFeeds', {});
    expect(again.reduce((n, f) => n + f.articlesAdded, 0)).toBe(feeds.reduce((n, f) => n + f.articlesAdded, 0));
    expect((await driver.send('stats', {})).articles).toBe(7);

    // The options page shows each feed's state in plain words.
    await options.reload();
    const ledger = options.locator(`.px-feed[data-feed-url="${server.origin('dailyledger.test')}/feed.xml"]`);
    await expect(ledger).toContainText('2 articles added');
    await expect(ledger).toContainText(/Last checked/);

    // The reader opens an article of an outlet never visited nor followed.
    const page = await ext.context.newPage();
    await page.goto(server.origin(TARGET.host) + TARGET.path);
    const marks = page.locator(`${MARKS}[tabindex="0"]`);
    await expect(marks.first()).toBeVisible({ timeout: 20_000 });
    await marks.first().hover();
    await waitForCard(page, (card) => /The Daily Ledger|Meridian Post|Capital Wire/.test(card.text));

    // Wire copies fetched from feeds count as one source with its reprints.
    const annotation = await driver.send('annotate', { url: server.origin(TARGET.host) + TARGET.path });
    expect(annotation).not.toBeNull();
    expect(annotation!.storyOutlets).toContain('Capital Wire');
    expect(annotation!.storyOutlets).not.toContain('The Eastbrook Observer');
    expect(annotation!.storyOutlets).not.toContain('The Harbour Times');
    const reporters = annotation!.marked.flatMap((m) => m.reports.map((r) => r.outlet));
    expect(reporters).not.toContain('The Eastbrook Observer');
    const wire = annotation!.marked.flatMap((m) => m.reports).filter((r) => r.outlet === 'Capital Wire');
    for (const report of wire) expect(report.reprintedBy ?? []).toEqual(expect.arrayContaining(['The Eastbrook Observer']));
  });

  test('broken feeds and hostile pages each get a clear state, and the good feed still works', async ({ ext, driver, server }) => {
    const bad: [string, string, RegExp][] = [
      ['dailyledger.test', '/feed-broken.xml', /XML|not well-formed|malformed|could not be read/i],
      ['harbourtimes.test', '/news-feed', /web page|HTML|not a feed/i],
      ['oddities.test', '/huge', /larger than/i],
      ['oddities.test', '/loop', /redirect/i],
    ];
    for (const [host, path] of bad) await driver.send('followFeed', { url: server.origin(host) + path });
    await driver.send('followFeed', { url: server.origin('meridianpost.test') + '/feed-empty.json' });
    await driver.send('followFeed', { url: server.origin('oddities.test') + '/feed.xml' });
    await driver.send('followFeed', { url: server.origin('dailyledger.test') + '/feed.xml' });

    const feeds = await driver.send('pollFeeds', {});
    const byPath = (host: string, path: string) => feeds.find((f) => f.url === server.origin(host) + path)!;
    for (const [host, path, reason] of bad) {
      const feed = byPath(host, path);
      expect(feed.lastError, `${host}${path}`).toMatch(reason);
      expect(feed.failures).toBe(1);
      expect(feed.nextPollAt).toBeGreaterThan(Date.now());
    }
    const empty = byPath('meridianpost.test', '/feed-empty.json');
    expect(empty.articlesAdded).toBe(0);

    // The feed of odd items: each item not stored says why.
    const odd = byPath('oddities.test', '/feed.xml');
    expect(odd.lastError).toBeUndefined();
    expect(odd.articlesAdded).toBe(0);
    const reasons = (odd.problems ?? []).map((p) => p.reason).join('\n');
    expect(reasons).toMatch(/French/);
    expect(reasons).toMatch(/not an article/i);
    expect(reasons).toMatch(/larger than/i);
    expect(reasons).toMatch(/redirect/i);

    // An item redirecting into the reader's machine: the browser blocks the hop before it is requested.
    await driver.send('followFeed', { url: server.origin('oddities.test') + '/hops.xml' });
    const hops = (await driver.send('pollFeeds', {})).find((f) => f.url === server.origin('oddities.test') + '/hops.xml')!;
    expect(privateProbes).toEqual([]);
    expect(hops.articlesAdded).toBe(0);
    expect((hops.problems ?? []).map((p) => p.reason).join('\n')).toMatch(/may not read/);

    // The rest keeps working.
    expect(byPath('dailyledger.test', '/feed.xml').articlesAdded).toBe(2);
    expect((await driver.send('stats', {})).articles).toBe(2);

    const options = await ext.context.newPage();
    await optionsPage(options, ext.extensionId);
    await expect(options.locator('.px-feed', { hasText: '/feed-broken.xml' }).locator('.px-feed-error')).toBeVisible();
    await expect(options.locator(`.px-feed[data-feed-url="${server.origin('oddities.test')}/huge"]`)).toContainText(/larger than/);

    // Unfollowing removes the feed and nothing else.
    const following = (await driver.send('listFeeds', {})).length;
    await options
      .getByRole('button', { name: /Unfollow/ })
      .first()
      .click();
    await expect(options.locator('.px-feed')).toHaveCount(following - 1);
    expect((await driver.send('stats', {})).articles).toBe(2);
  });

  test('the popup offers to follow a feed the page advertises', async ({ ext, driver, server }) => {
    const home = server.origin('dailyledger.test') + '/';
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?for=${encodeURIComponent(home)}`);
    const follow = popup.getByRole('button', { name: /Follow The Daily Ledger/ });
    await expect(follow).toBeVisible();
    await follow.click();
    await expect(popup.locator('.px-followed')).toBeVisible();
    const feeds = await driver.send('listFeeds', {});
    expect(feeds.map((f) => f.url)).toEqual([server.origin('dailyledger.test') + '/feed.xml']);
  });
});
