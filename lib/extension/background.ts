/**
 * The background's wiring: the store, the corpus, the feed service and the
 * message handlers, and the listeners the browser wakes the background with
 * (messages, alarms, tab updates, install). Called once by the background
 * entrypoint with the extension's database; the listeners are registered
 * synchronously so that the event that woke a stopped worker is not lost.
 */
import { browser } from 'wxt/browser';
import type { ParallaxDb } from '../db/db';
import { createCorpus } from '../corpus/corpus';
import { route, type SenderInfo } from '../messaging/router';
import { PAGE_PORT_NAME, receivePage, type PortLike } from '../messaging/page-port';
import { ARTICLE_LIMITS } from '../pipeline/config';
import type { ExtractResult } from '../extract/extract';
import type { Result } from '../messaging/protocol';
import { createTabBadge, toolbarAction, withBadge } from './badge';
import { createBackgroundHandlers, createStoreProblemLog, createTabArticles } from './background-handlers';
import { READ_LIMITS, createRateLimit, createStoreBudget } from './capture-limits';
import { createFeedService } from './feeds';
import { FEED_ALARM, scheduleFeedAlarm, withReschedule } from './feeds-alarm';
import { originPattern } from './feeds-permissions';
import { browserFetchGuardApi, createFetchGuard } from './fetch-guard';
import { chromeOffscreenApi, createBackgroundExtractor } from './offscreen';
import { openWelcomeOnInstall } from './welcome';

export function startBackground(db: ParallaxDb): void {
  const corpus = createCorpus(db);
  const problems = createStoreProblemLog(undefined, browser.storage.local);
  const estimate = typeof navigator !== 'undefined' && navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined;
  const budget = createStoreBudget(browser.storage.local, estimate);
  // Nothing is requested before the browser's filter stops the hops a script cannot see (lib/extension/fetch-guard.ts).
  const fetchFn = createFetchGuard(browserFetchGuardApi(browser)).guarded((input, init) => fetch(input, init));
  // One reader of pages for the tabs' pages and the feeds' articles (one offscreen document in Chrome).
  const extract = createBackgroundExtractor(chromeOffscreenApi());
  const feeds = createFeedService({
    db,
    corpus,
    fetch: fetchFn,
    extract,
    onStoreError: (error) => void problems.note(error),
    budget,
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
    extract,
    ...(estimate ? { estimate } : {}),
    budget,
    rateLimit: createRateLimit(),
    readLimit: createRateLimit(undefined, READ_LIMITS, 'reads'),
  });
  const badge = createTabBadge(toolbarAction());
  // Any change to the subscriptions moves the alarm to the next feed due.
  const handlers = withBadge(withReschedule(base, reschedule), badge);
  const options = {
    extensionId: browser.runtime.id,
    // The extension's base address without its last slash (URL.origin is "null" for extension schemes outside browsers).
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
  };
  const senderInfo = (sender: { id?: string; url?: string; tab?: { id?: number } } | undefined): SenderInfo => ({
    ...(sender?.id !== undefined ? { id: sender.id } : {}),
    ...(sender?.url !== undefined ? { url: sender.url } : {}),
    ...(sender?.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
  });
  // Registered synchronously so that a message or alarm that wakes the worker is not lost.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // The offscreen document's requests and replies are not protocol messages.
    if (typeof message === 'object' && message !== null && 'parallaxOffscreen' in message) return undefined;
    void route(handlers, message, senderInfo(sender), options).then(sendResponse);
    return true;
  });
  // A page's HTML comes in parts over a port of its own, then goes through the router as an `extractPage` message.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PAGE_PORT_NAME) return;
    const info = senderInfo(port.sender);
    receivePage(
      port as unknown as PortLike,
      ARTICLE_LIMITS.maxPageHtmlChars,
      (payload) => route(handlers, { parallax: 1, type: 'extractPage', payload }, info, options) as Promise<Result<ExtractResult>>,
    );
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
}
