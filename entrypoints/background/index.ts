import { browser } from 'wxt/browser';
import { createDb } from '../../lib/db/db';
import { createCorpus } from '../../lib/corpus/corpus';
import { createBackgroundHandlers, createStoreProblemLog, createTabArticles } from '../../lib/extension/background-handlers';
import { createFeedService } from '../../lib/extension/feeds';
import { FEED_ALARM, scheduleFeedAlarm } from '../../lib/extension/feeds-alarm';
import { originPattern } from '../../lib/extension/feeds-permissions';
import { OFFSCREEN_PATH, createBackgroundExtractor, type OffscreenApi } from '../../lib/extension/offscreen';
import { route } from '../../lib/messaging/router';
import { createTabBadge, withBadge, type ActionApi } from '../../lib/extension/badge';
import { openWelcomeOnInstall } from '../../lib/extension/welcome';

/** The toolbar button: `action` in Manifest V3 (Chrome), `browserAction` in V2 (Firefox). */
function toolbarAction(): ActionApi {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return (b.action ?? b.browserAction)!;
}

/** chrome.offscreen where it exists (Chrome); Firefox's background page parses pages itself. */
function offscreenApi(): OffscreenApi | undefined {
  const api = (globalThis as { chrome?: typeof chrome }).chrome;
  if (!api?.offscreen) return undefined;
  const documentUrl = api.runtime.getURL(OFFSCREEN_PATH);
  return {
    createDocument: (parameters) =>
      api.offscreen.createDocument(parameters as chrome.offscreen.CreateParameters),
    hasDocument: async () => {
      const contexts = await api.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
        documentUrls: [documentUrl],
      });
      return contexts.length > 0;
    },
    closeDocument: () => api.offscreen.closeDocument(),
    sendMessage: (message) => api.runtime.sendMessage(message),
  };
}

export default defineBackground(() => {
  const db = createDb();
  const corpus = createCorpus(db);
  const problems = createStoreProblemLog(undefined, browser.storage.local);
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  const feeds = createFeedService({
    db,
    corpus,
    fetch: fetchFn,
    extract: createBackgroundExtractor(offscreenApi()),
    onStoreError: (error) => void problems.note(error),
    mayFetch: async (url) => {
      const pattern = originPattern(url);
      return pattern ? browser.permissions.contains({ origins: [pattern] }) : false;
    },
  });
  const reschedule = (): Promise<void> =>
    scheduleFeedAlarm(browser.alarms, feeds).catch(() => undefined);
  const base = createBackgroundHandlers({
    db,
    corpus,
    feeds,
    problems,
    tabArticles: createTabArticles(browser.storage.session),
    fetch: fetchFn,
    estimate: () => navigator.storage.estimate(),
  });
  const badge = createTabBadge(toolbarAction());
  // Any change to the subscriptions moves the alarm to the next feed due.
  const handlers = withBadge({
    ...base,
    followFeed: async (p: Parameters<typeof base.followFeed>[0], s: Parameters<typeof base.followFeed>[1]) => {
      const reply = await base.followFeed(p, s);
      await reschedule();
      return reply;
    },
    unfollowFeed: async (p: Parameters<typeof base.unfollowFeed>[0], s: Parameters<typeof base.unfollowFeed>[1]) => {
      const reply = await base.unfollowFeed(p, s);
      await reschedule();
      return reply;
    },
    pollFeeds: async (p: Parameters<typeof base.pollFeeds>[0], s: Parameters<typeof base.pollFeeds>[1]) => {
      const reply = await base.pollFeeds(p, s);
      await reschedule();
      return reply;
    },
  }, badge);
  const options = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
  };
  // Registered synchronously so that a message or alarm that wakes the worker is not lost.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // The offscreen document's requests and replies are not protocol messages.
    if (typeof message === 'object' && message !== null && 'parallaxOffscreen' in message) return undefined;
    const info = {
      ...(sender.id !== undefined ? { id: sender.id } : {}),
      ...(sender.url !== undefined ? { url: sender.url } : {}),
      ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
    };
    void route(handlers, message, info, options).then(sendResponse);
    return true;
  });
  // A tab loading another page loses the last page's count.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void badge.clear(tabId);
  });
  browser.runtime.onInstalled.addListener((details) => {
    void openWelcomeOnInstall(details, (url) => browser.tabs.create({ url }), (path) => browser.runtime.getURL(path as '/welcome.html'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== FEED_ALARM) return;
    void feeds
      .pollDue()
      .catch(() => undefined)
      .then(reschedule);
  });
  void reschedule();
});
