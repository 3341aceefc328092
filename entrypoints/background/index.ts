import { browser } from 'wxt/browser';
import { createDb } from '../../lib/db/db';
import { createCorpus } from '../../lib/corpus/corpus';
import { createBackgroundHandlers, createStoreProblemLog, createTabArticles } from '../../lib/extension/background-handlers';
import { createFeedService } from '../../lib/extension/feeds';
import { FEED_ALARM, scheduleFeedAlarm, withReschedule } from '../../lib/extension/feeds-alarm';
import { originPattern } from '../../lib/extension/feeds-permissions';
import { chromeOffscreenApi, createBackgroundExtractor } from '../../lib/extension/offscreen';
import { route } from '../../lib/messaging/router';
import { createTabBadge, toolbarAction, withBadge } from '../../lib/extension/badge';
import { openWelcomeOnInstall } from '../../lib/extension/welcome';

export default defineBackground(() => {
  const db = createDb();
  const corpus = createCorpus(db);
  const problems = createStoreProblemLog(undefined, browser.storage.local);
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  const feeds = createFeedService({
    db,
    corpus,
    fetch: fetchFn,
    extract: createBackgroundExtractor(chromeOffscreenApi()),
    onStoreError: (error) => void problems.note(error),
    mayFetch: async (url) => {
      const pattern = originPattern(url);
      return pattern ? browser.permissions.contains({ origins: [pattern] }) : false;
    },
  });
  const reschedule = (): Promise<void> => scheduleFeedAlarm(browser.alarms, feeds).catch(() => undefined);
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
  const handlers = withBadge(withReschedule(base, reschedule), badge);
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
    void openWelcomeOnInstall(
      details,
      (url) => browser.tabs.create({ url }),
      (path) => browser.runtime.getURL(path as '/welcome.html'),
    );
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
