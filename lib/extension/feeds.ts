/**
 * The background's feed subscriptions: follow, unfollow, poll on schedule or
 * on demand. Polling itself is `pollFeed`; this module stores its state,
 * turns fetched pages into articles (through an injected extractor: the
 * offscreen document in Chrome, DOMParser in Firefox) and hands them to the
 * corpus like a captured page.
 */
import type { FeedState } from '../types';
import type { Corpus } from '../corpus/corpus';
import type { FeedRecord, ParallaxDb } from '../db/db';
import type { ExtractOptions, ExtractResult } from '../extract/extract';
import { checkArticle } from '../feeds/article-check';
import { ownAddress } from '../pipeline/ids';
import { storedBytesOf, type StoreBudget } from './capture-limits';
import { createArticleFetcher, createFeedState, dueFeeds, pollFeed } from '../feeds/poller';
import type { FeedView, FollowFeedRequest } from '../messaging/protocol';
import { MAX_FEED_PROBLEMS } from './config';

export type PageExtractor = (html: string, url: string, options?: ExtractOptions) => Promise<ExtractResult>;

export interface FeedServiceDeps {
  db: ParallaxDb;
  corpus: Corpus;
  fetch: typeof fetch;
  extract: PageExtractor;
  now?: () => number;
  /** Called when storing an article failed for a reason of the store (a full quota…). */
  onStoreError?(error: unknown): void;
  /** Whether the extension may read `url` (host permission); absent means yes. */
  mayFetch?(url: string): Promise<boolean>;
  /** The store's size budget: over it, items are not stored (and say why). */
  budget?: Pick<StoreBudget, 'check'>;
}

export interface FeedService {
  list(): Promise<FeedView[]>;
  follow(request: FollowFeedRequest): Promise<FeedView[]>;
  unfollow(id: string): Promise<FeedView[]>;
  /** Polls one feed, or all, now (whatever their schedule). */
  pollNow(id?: string): Promise<FeedView[]>;
  /** Polls the feeds whose time has come. */
  pollDue(): Promise<void>;
  /** Epoch ms of the earliest next poll, for the alarm; undefined with no feeds. */
  nextPollAt(): Promise<number | undefined>;
}

function byUrl(a: FeedRecord, b: FeedRecord): number {
  return a.url.localeCompare(b.url);
}

export function createFeedService(deps: FeedServiceDeps): FeedService {
  const { db, corpus } = deps;
  const now = deps.now ?? (() => Date.now());
  const fetchArticle = createArticleFetcher(deps.fetch, deps.mayFetch ? { mayFetch: deps.mayFetch } : {});
  // One poll at a time: an alarm and a "poll now" must not fetch and store the same items twice.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const list = async (): Promise<FeedView[]> => (await db.feeds.toArray()).sort(byUrl);

  async function storeArticle(html: string, url: string, feed: FeedState): Promise<{ stored: boolean; reason?: string }> {
    const extracted = await deps.extract(html, url);
    if (!extracted.ok) return { stored: false, reason: extracted.reason };
    const outlet = feed.outlet?.trim() || extracted.article.outlet?.trim() || feed.title?.trim() || new URL(url).hostname;
    // The fetched page speaks only for its own site, whatever canonical address it names.
    const article = { ...extracted.article, url: ownAddress(extracted.article.url, url), outlet };
    const check = checkArticle(article);
    if (!check.ok) return { stored: false, reason: check.reason };
    const host = new URL(article.url).hostname;
    if (await corpus.isPaused(host)) return { stored: false, reason: `capture is paused for ${host}` };
    const refusal = await deps.budget?.check(storedBytesOf(article));
    if (refusal) return { stored: false, reason: refusal.message };
    try {
      await corpus.ingest(article, 'feed', url);
    } catch (error) {
      deps.onStoreError?.(error);
      throw error;
    }
    return { stored: true };
  }

  async function pollOne(record: FeedRecord): Promise<void> {
    if (deps.mayFetch && !(await deps.mayFetch(record.url))) {
      const t = now();
      await db.feeds.put({
        ...record,
        lastFetchAt: t,
        lastError: 'Parallax may not read this site: follow the feed again and allow access',
        nextPollAt: t + record.intervalMinutes * 60_000,
      });
      return;
    }
    // A full store is checked before anything is fetched: items are not taken as seen, and are stored once there is room.
    const full = await deps.budget?.check();
    if (full) {
      const t = now();
      await db.feeds.put({ ...record, lastFetchAt: t, lastError: full.message, nextPollAt: t + record.intervalMinutes * 60_000 });
      return;
    }
    const result = await pollFeed(record, {
      fetch: deps.fetch,
      now,
      // Every address, the feed's and each article's, first request and each redirect, is checked there.
      fetchArticle,
      storeArticle,
      ...(deps.mayFetch ? { mayFetch: deps.mayFetch } : {}),
    });
    const fresh = [
      ...result.skipped.map((s) => ({ url: s.url, reason: s.reason })),
      ...result.errors.filter((e) => e !== result.feed.lastError).map(splitItemError),
    ];
    const problems = [...fresh, ...(record.problems ?? [])].slice(0, MAX_FEED_PROBLEMS);
    // Unfollowed while polling: the record stays deleted.
    await db.transaction('rw', db.feeds, async () => {
      if (!(await db.feeds.get(record.id))) return;
      await db.feeds.put({ ...result.feed, ...(problems.length ? { problems } : {}) });
    });
  }

  async function pollAll(records: FeedRecord[]): Promise<void> {
    for (const record of records) {
      try {
        await pollOne(record);
      } catch (error) {
        // pollFeed never throws; this is the store itself failing. The next feed still gets its turn.
        deps.onStoreError?.(error);
      }
    }
  }

  return {
    list,
    async follow(request) {
      const feed = createFeedState(request.url, {
        now: now(),
        ...(request.intervalMinutes !== undefined ? { intervalMinutes: request.intervalMinutes } : {}),
      });
      const outlet = request.outlet?.trim();
      await db.transaction('rw', db.feeds, async () => {
        const existing = (await db.feeds.get(feed.id)) ?? (await db.feeds.where('url').equals(feed.url).first());
        if (existing) {
          await db.feeds.put({ ...existing, ...(outlet ? { outlet } : {}), nextPollAt: Math.min(existing.nextPollAt, now()) });
        } else {
          await db.feeds.put({ ...feed, ...(outlet ? { outlet } : {}) });
        }
      });
      return list();
    },
    async unfollow(id) {
      await db.feeds.delete(id);
      return list();
    },
    async pollNow(id) {
      await serial(async () => {
        const records = id ? [await db.feeds.get(id)].filter((r): r is FeedRecord => r !== undefined) : await db.feeds.toArray();
        if (id && records.length === 0) throw new Error('that feed is no longer followed');
        await pollAll(records);
      });
      return list();
    },
    pollDue: () =>
      serial(async () => {
        const due = dueFeeds(await db.feeds.toArray(), now()) as FeedRecord[];
        await pollAll(due);
      }),
    async nextPollAt() {
      const first = await db.feeds.orderBy('nextPollAt').first();
      return first?.nextPollAt;
    },
  };
}

/** "<url>: <reason>" as pollFeed reports an item's failure. */
function splitItemError(error: string): { url: string; reason: string } {
  const m = /^(https?:\/\/\S+?): (.*)$/s.exec(error);
  return m ? { url: m[1] as string, reason: m[2] as string } : { url: '', reason: error };
}
