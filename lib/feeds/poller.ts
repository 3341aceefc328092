import type { FeedState } from '../types';
import { fetchLimited } from './fetch-limited';
import { byNewest, parseFeed, type FeedItem } from './parse';
import { isHttpUrl, publicAddressRefusal } from './urls';
import {
  BACKLOG_DELAY_MINUTES,
  DEFAULT_INTERVAL_MINUTES,
  DEFAULT_MAX_ITEMS_PER_POLL,
  MAX_ARTICLE_BYTES,
  MAX_BACKOFF_MS,
  MAX_FEED_BYTES,
  MAX_REDIRECTS,
  MIN_INTERVAL_MINUTES,
  SEEN_LIMIT,
} from './config';

export { fetchLimited } from './fetch-limited';
export type { FetchLimitedOptions, FetchLimitedResult } from './fetch-limited';

export type ArticleFetchResult = { ok: true; html: string; finalUrl: string } | { ok: false; error: string };

export interface PollDeps {
  fetch: typeof fetch;
  now: () => number;
  fetchArticle(url: string): Promise<ArticleFetchResult>;
  storeArticle(html: string, url: string, feed: FeedState): Promise<{ stored: boolean; reason?: string }>;
  /** New items fetched in one poll at most; the rest wait for the next poll. Default 10. */
  maxItemsPerPoll?: number;
  /** Time limit of the feed request. Default 30 s. */
  timeoutMs?: number;
  /** Whether the reader allowed Parallax to read `url`'s site (host permission); absent means yes. */
  mayFetch?(url: string): Promise<boolean>;
}

/**
 * The check of every address Parallax requests on its own, feed or article,
 * first request and each redirect: http(s), a public host, and a site the
 * reader allowed when following the outlet.
 */
export function addressCheck(mayFetch?: (url: string) => Promise<boolean>): (url: string) => Promise<string | undefined> {
  return async (url) => {
    const refused = publicAddressRefusal(url);
    if (refused) return refused;
    if (mayFetch && !(await mayFetch(url))) return `Parallax may not read ${new URL(url).hostname}`;
    return undefined;
  };
}

export interface PollResult {
  feed: FeedState;
  /** Articles stored in this poll. */
  added: number;
  /** Plain-language problems: the feed's own, or `<article url>: <reason>` for an item that failed. */
  errors: string[];
  /** Items fetched but declined by `storeArticle` (not English, too short…), with its reason. */
  skipped: { url: string; reason: string }[];
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const MINUTE = 60_000;

// FNV-1a: a short stable id from the address, so one feed is one record.
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Checks an address typed by the reader; returns it normalised. */
export function checkFeedUrl(raw: string): { ok: true; url: string } | { ok: false; error: string } {
  const trimmed = raw.trim();
  if (!isHttpUrl(trimmed)) return { ok: false, error: 'a feed address starts with http:// or https://' };
  const url = new URL(trimmed);
  url.hash = '';
  return { ok: true, url: url.href };
}

/** A new subscription, due at once. Throws when `url` is not an http(s) address. */
export function createFeedState(url: string, options: { intervalMinutes?: number; now?: number } = {}): FeedState {
  const checked = checkFeedUrl(url);
  if (!checked.ok) throw new Error(checked.error);
  return {
    id: `feed-${hashText(checked.url)}`,
    url: checked.url,
    intervalMinutes: Math.max(MIN_INTERVAL_MINUTES, options.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES),
    articlesAdded: 0,
    nextPollAt: options.now ?? Date.now(),
    failures: 0,
  };
}

/** Feeds whose time has come, the most overdue first. */
export function dueFeeds(feeds: FeedState[], now: number): FeedState[] {
  return feeds.filter((f) => f.nextPollAt <= now).sort((a, b) => a.nextPollAt - b.nextPollAt);
}

/** Wait before the next try after `failures` failed polls in a row: interval × 2^failures, at most 24 h. */
export function retryDelayMs(intervalMinutes: number, failures: number): number {
  return Math.min(intervalMinutes * MINUTE * 2 ** failures, MAX_BACKOFF_MS);
}

function failed(feed: FeedState, now: number, error: string): PollResult {
  const failures = feed.failures + 1;
  return {
    feed: { ...feed, failures, lastError: error, lastFetchAt: now, nextPollAt: now + retryDelayMs(feed.intervalMinutes, failures) },
    added: 0,
    errors: [error],
    skipped: [],
  };
}

function succeeded(feed: FeedState, now: number, changes: Partial<FeedState>, delayMinutes: number): FeedState {
  const { lastError: _cleared, ...rest } = feed;
  return { ...rest, ...changes, failures: 0, lastFetchAt: now, nextPollAt: now + delayMinutes * MINUTE };
}

/** An item's identity: its guid when the feed gives one (a story keeps it when its URL is fixed), else its URL. */
function keyOf(item: FeedItem): string {
  return item.guid || item.url;
}

/** The seen list after a poll: capped, keeping first what the feed still lists, then the newest. */
function updateSeen(previous: string[], handled: string[], inFeed: Set<string>): string[] {
  const ordered = [...new Set([...previous, ...handled].reverse())].reverse();
  if (ordered.length <= SEEN_LIMIT) return ordered;
  const keep = new Set(ordered.filter((k) => inFeed.has(k)).slice(-SEEN_LIMIT));
  for (let i = ordered.length - 1; i >= 0 && keep.size < SEEN_LIMIT; i--) keep.add(ordered[i] as string);
  return ordered.filter((k) => keep.has(k));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Polls one feed: a conditional GET, then each new item (up to the per-poll
 * cap, newest first) fetched and handed to `storeArticle`. Never throws;
 * returns the feed's next state, to be saved by the caller.
 *
 * Every item tried is remembered as seen, stored or not, so a broken article
 * is not fetched again at every poll.
 */
export async function pollFeed(feed: FeedState, deps: PollDeps): Promise<PollResult> {
  const now = deps.now();
  const headers: Record<string, string> = { Accept: FEED_ACCEPT };
  if (feed.etag) headers['If-None-Match'] = feed.etag;
  if (feed.lastModified) headers['If-Modified-Since'] = feed.lastModified;
  const response = await fetchLimited(deps.fetch, feed.url, {
    maxBytes: MAX_FEED_BYTES,
    maxRedirects: MAX_REDIRECTS,
    headers,
    timeoutMs: deps.timeoutMs,
    checkUrl: addressCheck(deps.mayFetch),
  });
  if (!response.ok) return failed(feed, now, response.error);
  if (response.status === 304) {
    return { feed: succeeded(feed, now, {}, feed.intervalMinutes), added: 0, errors: [], skipped: [] };
  }
  const parsed = parseFeed(response.body, response.contentType, response.finalUrl);
  if (!parsed.ok) return failed(feed, now, parsed.error);

  const seen = new Set(feed.seen ?? []);
  const inFeed = new Set(parsed.feed.items.map(keyOf));
  const fresh: FeedItem[] = [];
  const freshUrls = new Set<string>();
  for (const item of [...parsed.feed.items].sort(byNewest)) {
    if (freshUrls.has(item.url) || seen.has(keyOf(item)) || seen.has(item.url)) continue;
    freshUrls.add(item.url);
    fresh.push(item);
  }
  const batch = fresh.slice(0, Math.max(0, deps.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS_PER_POLL));
  const backlog = fresh.length > batch.length;

  const errors: string[] = [];
  const skipped: { url: string; reason: string }[] = [];
  const handled: string[] = [];
  let added = 0;
  // One article at a time: gentle on the outlet, and on the reader's machine.
  for (const item of batch) {
    handled.push(keyOf(item));
    try {
      const fetched = await deps.fetchArticle(item.url);
      if (!fetched.ok) {
        errors.push(`${item.url}: ${fetched.error}`);
        continue;
      }
      const outcome = await deps.storeArticle(fetched.html, fetched.finalUrl, feed);
      if (outcome.stored) added++;
      else skipped.push({ url: fetched.finalUrl, reason: outcome.reason ?? 'not stored' });
    } catch (error) {
      errors.push(`${item.url}: ${message(error)}`);
    }
  }

  const { etag: _etag, lastModified: _lastModified, ...withoutValidators } = feed;
  // With items left for later, the next request must not be answered "304 not modified".
  const validators: Partial<FeedState> = {};
  if (!backlog && response.etag) validators.etag = response.etag;
  if (!backlog && response.lastModified) validators.lastModified = response.lastModified;
  const next = succeeded(
    withoutValidators,
    now,
    {
      ...validators,
      title: parsed.feed.title,
      articlesAdded: feed.articlesAdded + added,
      // Handled newest first; the list runs oldest first, so the newest survive the cap.
      seen: updateSeen(feed.seen ?? [], handled.reverse(), inFeed),
    },
    backlog ? Math.min(BACKLOG_DELAY_MINUTES, feed.intervalMinutes) : feed.intervalMinutes,
  );
  return { feed: next, added, errors, skipped };
}

/**
 * The `fetchArticle` of `pollFeed` over a real `fetch`: an HTML page of at
 * most MAX_ARTICLE_BYTES, on a public host the reader allowed (`mayFetch`),
 * each redirect checked the same way before it is followed.
 */
export function createArticleFetcher(
  fetchFn: typeof fetch,
  options: { maxBytes?: number; timeoutMs?: number; mayFetch?: (url: string) => Promise<boolean> } = {},
): (url: string) => Promise<ArticleFetchResult> {
  const checkUrl = addressCheck(options.mayFetch);
  return async (url) => {
    const response = await fetchLimited(fetchFn, url, {
      maxBytes: options.maxBytes ?? MAX_ARTICLE_BYTES,
      maxRedirects: MAX_REDIRECTS,
      headers: { Accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' },
      timeoutMs: options.timeoutMs,
      checkUrl,
    });
    if (!response.ok) return response;
    const mime = (response.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (mime && !/html|xml/.test(mime)) return { ok: false, error: `the address is not a web page (${mime})` };
    return { ok: true, html: response.body, finalUrl: response.finalUrl };
  };
}
