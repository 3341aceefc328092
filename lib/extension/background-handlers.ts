import type { ArticleInput, StorageProblem, StoreStats } from '../types';
import type { Corpus } from '../corpus/corpus';
import type { ParallaxDb } from '../db/db';
import { search } from '../search/search';
import { checkArticle } from '../feeds/article-check';
import type { Handlers, SenderInfo } from '../messaging/router';
import { validateArticleInput } from '../pipeline/validate';
import { ARTICLE_LIMITS, CORPUS_LIMITS } from '../pipeline/config';
import { hostOf, hostOfOrUndefined, ownAddress } from '../pipeline/ids';
import { storedBytesOf, type RateLimit, type StoreBudget } from './capture-limits';
import { describeStoreError } from './store-errors';
import { discoverFeeds } from '../feeds/discover';
import { fetchLimited } from '../feeds/fetch-limited';
import type { FeedService, PageExtractor } from './feeds';
import { pageTooLargeReason } from '../extract/page-check';
import { isHttpUrl } from '../feeds/urls';
import { importItems } from './import-export-store';
import { articleToLine } from '../io/jsonl';

/** Which article each tab last captured (browser.storage.session in the extension). */
export interface TabArticles {
  set(tabId: number, articleId: string): Promise<void>;
  get(tabId: number): Promise<string | undefined>;
}

/** Tab → captured article, kept in a session key-value area that outlives the service worker, not the browser. */
export function createTabArticles(area: Pick<ProblemArea, 'get' | 'set'>): TabArticles {
  const key = (tabId: number): string => `parallax.tab.${tabId}`;
  return {
    set: (tabId, articleId) => area.set({ [key(tabId)]: articleId }),
    async get(tabId) {
      const items: Record<string, unknown> = await area.get(key(tabId));
      const id = items[key(tabId)];
      return typeof id === 'string' ? id : undefined;
    },
  };
}

export interface BackgroundDeps {
  db: ParallaxDb;
  corpus: Corpus;
  tabArticles?: TabArticles;
  /** navigator.storage.estimate where available. */
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  /** Feed subscriptions; without them the feed messages answer with an error. */
  feeds?: FeedService;
  /** fetch for reading a page's advertised feeds. */
  fetch?: typeof fetch;
  /** Reads the article of a page's HTML (the offscreen document, or the background page's own DOM parser). */
  extract?: PageExtractor;
  /** Clock for the time of a storage problem and for pruning. */
  now?: () => number;
  /** Where failed writes are noted; shared with the feed poller. */
  problems?: StoreProblemLog;
  /** Captures per tab and per site (CAPTURE_LIMITS); without it, none are counted. */
  rateLimit?: RateLimit;
  /** Pages sent to be read per tab and per site (READ_LIMITS); without it, none are counted. */
  readLimit?: RateLimit;
  /** The store's size budget; without it, captures are refused only when the browser's quota is full. */
  budget?: StoreBudget;
}

/** The last failed write, kept for the options page and popup. */
export interface StoreProblemLog {
  /** Notes `error` if it is the store's; returns its plain account, or undefined. */
  note(error: unknown): string | undefined;
  get(clear?: boolean): Promise<StorageProblem | null>;
}

/**
 * Where the last problem outlives the service worker: the extension's
 * key-value storage (browser.storage.local), not IndexedDB, which may be the
 * very store that is full.
 */
export interface ProblemArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const PROBLEM_KEY = 'parallax.storageProblem';

export function createStoreProblemLog(now: () => number = () => Date.now(), area?: ProblemArea): StoreProblemLog {
  let last: StorageProblem | null = null;
  return {
    note(error) {
      const message = describeStoreError(error);
      if (message) {
        last = { message, at: now() };
        void area?.set({ [PROBLEM_KEY]: last }).catch(() => undefined);
      }
      return message;
    },
    async get(clear) {
      if (!last && area) {
        const items: Record<string, unknown> = await area.get(PROBLEM_KEY).catch(() => ({}));
        const stored = items[PROBLEM_KEY] as StorageProblem | undefined;
        if (stored && typeof stored.message === 'string' && typeof stored.at === 'number') last = stored;
      }
      const current = last;
      if (clear) {
        last = null;
        await area?.remove(PROBLEM_KEY).catch(() => undefined);
      }
      return current;
    },
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The address a message was sent from, when a web page sent it (the extension's own pages may name any address). */
export function pageAddress(sender: SenderInfo): string | undefined {
  return sender.extensionPage || !sender.url || !/^https?:/.test(sender.url) ? undefined : sender.url;
}

/** The address a web page may speak for (`ownAddress`, the pipeline's one rule), for reading what is stored. */
export function addressFor(claimed: string, sender: SenderInfo): string {
  return ownAddress(claimed, pageAddress(sender));
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers {
  const { corpus } = deps;
  const now = deps.now ?? (() => Date.now());
  const problems = deps.problems ?? createStoreProblemLog(now);
  const noteStoreError = (error: unknown): void => void problems.note(error);
  const feeds = (): FeedService => {
    if (!deps.feeds) throw new Error('feeds are not available in this browser');
    return deps.feeds;
  };
  const withUsage = async (withoutBudget: StoreStats): Promise<StoreStats> => {
    const budget = await deps.budget?.get();
    const stats = budget !== undefined ? { ...withoutBudget, budget } : withoutBudget;
    if (!deps.estimate) return stats;
    try {
      const { usage, quota } = await deps.estimate();
      return { ...stats, ...(usage !== undefined ? { usage } : {}), ...(quota !== undefined ? { quota } : {}) };
    } catch {
      return stats;
    }
  };
  return {
    // Answered for the sender's own page only: a page cannot probe other sites' settings.
    captureAllowed: async (_payload, sender) => {
      if (!sender.url || !/^https?:/.test(sender.url)) return { allowed: false };
      return { allowed: !(await corpus.isPaused(new URL(sender.url).hostname)) };
    },
    async extractPage({ html, url, anyway }, sender) {
      if (typeof html !== 'string' || typeof url !== 'string' || !isHttpUrl(url)) {
        return { ok: false, reason: 'the page could not be read (it was not sent as an http or https page)' };
      }
      if (html.length > ARTICLE_LIMITS.maxPageHtmlChars) return { ok: false, reason: pageTooLargeReason(html.length) };
      // The reader's own "store anyway" is not counted, as for captures.
      const refusal = anyway === true ? undefined : deps.readLimit?.admit(sender.tabId, hostOf(url));
      if (refusal) return { ok: false, reason: refusal.message };
      if (!deps.extract) return { ok: false, reason: 'this browser cannot read pages in the background' };
      return deps.extract(html, url, anyway === true ? { anyway: true } : {});
    },
    async capture({ article, anyway }, sender) {
      // The one validator holds for every capture, asked for or not: what it refuses stays refused.
      let checked: ArticleInput;
      try {
        checked = validateArticleInput(article);
      } catch (error) {
        return { status: 'rejected', message: error instanceof Error ? error.message : String(error), final: true };
      }
      const input = { ...checked, url: addressFor(checked.url, sender) };
      if (anyway === true && input.url !== checked.url) {
        // Taken as an article, such a page is stored under its own address; one the reader insists on is refused, saying why.
        return {
          status: 'rejected',
          message: `the page gives an address on another site (${hostOfOrUndefined(checked.url) ?? checked.url}) as its own`,
          final: true,
        };
      }
      const host = new URL(input.url).hostname;
      // The reader's own "store anyway" passes over the pause, the article test and the per-tab and per-site limits; never the budget.
      if (anyway !== true) {
        if (await corpus.isPaused(host)) return { status: 'paused', message: `Capture is paused for ${host}.` };
        const check = checkArticle(input);
        if (!check.ok) return { status: 'rejected', message: check.reason };
      }
      let refusal = anyway === true ? undefined : deps.rateLimit?.admit(sender.tabId, hostOf(input.url));
      if (!refusal && deps.budget) {
        // A page stored before is an update: it takes no new room, and is refused only by a full store.
        refusal = await deps.budget.check(storedBytesOf(input));
        if (refusal && (await corpus.storedAlready([input]))[0]) refusal = await deps.budget.check(0);
      }
      if (refusal) return { status: 'rejected', message: refusal.message };
      try {
        const { annotation } = await corpus.ingest(input, 'page', pageAddress(sender));
        if (sender.tabId !== undefined) await deps.tabArticles?.set(sender.tabId, annotation.articleId).catch(() => undefined);
        return { status: 'stored', annotation };
      } catch (error) {
        const message = problems.note(error);
        if (!message) throw error;
        return { status: 'rejected', message };
      }
    },
    annotate: ({ url }, sender) => corpus.annotate(addressFor(url, sender)),
    pageSummary: async ({ url, tabId }) => {
      const captured = tabId !== undefined ? await deps.tabArticles?.get(tabId).catch(() => undefined) : undefined;
      if (captured) {
        const summary = await corpus.pageSummary(captured);
        if (summary.known) return summary;
      }
      return corpus.pageSummary(url);
    },
    search: ({ query, limit }) => search(deps.db, query, limit),
    getPause: () => corpus.getPause(),
    setPause: (change) => corpus.setPause(change),
    stats: async () => withUsage(await corpus.stats()),
    deleteOutlet: async ({ outlet }) => {
      await corpus.deleteOutlet(outlet);
      return withUsage(await corpus.stats());
    },
    deleteAll: async () => {
      await corpus.deleteAll();
      return withUsage(await corpus.stats());
    },
    listFeeds: () => feeds().list(),
    followFeed: (request) => feeds().follow(request),
    unfollowFeed: ({ id }) => feeds().unfollow(id),
    pollFeeds: ({ id }) => feeds().pollNow(id),
    discoverFeeds: async ({ url }) => {
      if (!deps.fetch) return [];
      const page = await fetchLimited(deps.fetch, url, { maxBytes: 2 * 1024 * 1024, maxRedirects: 5 });
      return page.ok ? discoverFeeds(page.body, page.finalUrl) : [];
    },
    importArticles: ({ items, since }) => {
      if (!Array.isArray(items)) throw new Error('nothing to import');
      return importItems(corpus, items, noteStoreError, deps.budget, typeof since === 'number' ? since : undefined);
    },
    exportArticles: async (filter) => {
      const page = await corpus.exportPage(
        {
          ...(typeof filter.storyId === 'string' ? { storyId: filter.storyId } : {}),
          ...(typeof filter.outlet === 'string' ? { outlet: filter.outlet } : {}),
        },
        typeof filter.after === 'number' ? filter.after : undefined,
        CORPUS_LIMITS.exportPage,
      );
      return { lines: page.articles.map(articleToLine), ...(page.next !== undefined ? { next: page.next } : {}) };
    },
    pruneOlderThan: async ({ days }) => {
      if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) throw new Error('give a number of days');
      const removed = await corpus.deleteOlderThan(now() - days * DAY_MS);
      return { removed, stats: await withUsage(await corpus.stats()) };
    },
    storageProblem: async ({ clear }) => problems.get(clear === true),
    setBudget: async ({ bytes }) => {
      if (!deps.budget) throw new Error('the store budget cannot be set here');
      await deps.budget.set(bytes);
      return withUsage(await corpus.stats());
    },
  };
}
