import { expect, test } from 'vitest';
import { followOutlets, PERMISSION_REFUSED } from '../../lib/extension/follow';
import { openWelcomeOnInstall } from '../../lib/extension/welcome';
import type { FeedView } from '../../lib/messaging/protocol';

function fakeDeps(grant: boolean) {
  const events: string[] = [];
  const feeds: FeedView[] = [];
  return {
    events,
    deps: {
      requestOrigins: (origins: string[]) => {
        events.push(`ask ${origins.join(' ')}`);
        return Promise.resolve(grant);
      },
      followFeed: async (request: { url: string; outlet?: string }) => {
        events.push(`follow ${request.url} ${request.outlet ?? ''}`.trim());
        feeds.push({ id: request.url, url: request.url } as FeedView);
        return [...feeds];
      },
    },
  };
}

test('the sites are asked for at once, in the click, before anything is followed', async () => {
  const { events, deps } = fakeDeps(true);
  const pending = followOutlets(
    [
      { url: 'https://feeds.harbour.test/rss', outlet: 'Harbour Times', site: 'https://www.harbour.test/' },
      { url: 'https://ledger.test/feed.xml' },
    ],
    deps,
  );
  // Synchronously: the prompt must open while the click still counts.
  expect(events).toEqual(['ask https://feeds.harbour.test/* https://www.harbour.test/* https://ledger.test/*']);
  const feeds = await pending;
  expect(events.slice(1)).toEqual(['follow https://feeds.harbour.test/rss Harbour Times', 'follow https://ledger.test/feed.xml']);
  expect(feeds.map((f) => f.url)).toEqual(['https://feeds.harbour.test/rss', 'https://ledger.test/feed.xml']);
});

test('refused permission follows nothing', async () => {
  const { events, deps } = fakeDeps(false);
  await expect(followOutlets([{ url: 'https://ledger.test/feed.xml' }], deps)).rejects.toThrow(PERMISSION_REFUSED);
  expect(events.filter((e) => e.startsWith('follow'))).toEqual([]);
});

test('the welcome page opens on a first install only', async () => {
  const opened: string[] = [];
  const open = async (url: string) => void opened.push(url);
  const at = (p: string) => `moz-extension://abc${p}`;
  for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update'])
    await openWelcomeOnInstall({ reason }, open, at);
  expect(opened).toEqual([]);
  await openWelcomeOnInstall({ reason: 'install' }, open, at);
  expect(opened).toEqual(['moz-extension://abc/welcome.html']);
});
