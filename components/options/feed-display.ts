/** How a followed feed's state reads on the options page. Pure. */
import { hostOfOrUndefined } from '../../lib/pipeline/ids';
import type { FeedView } from '../../lib/messaging/protocol';

export interface FeedDisplay {
  /** The outlet name, else the feed's title, else its host. */
  name: string;
  /** 'error' when the last poll failed, 'new' before the first poll. */
  status: 'ok' | 'error' | 'new';
  /** "Last checked 5 minutes ago", "Not checked yet". */
  lastFetch: string;
  /** "3 articles added". */
  added: string;
  /** The last poll's failure in plain words, starting with a capital. */
  error?: string;
  /** "Next check in 55 minutes", "Next check due now". */
  next: string;
}

const MINUTE = 60_000;

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago"; "in 5 minutes" for the future. */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  const minutes = Math.round(Math.abs(diff) / MINUTE);
  if (minutes < 1) return diff > 0 ? 'in less than a minute' : 'just now';
  const [value, unit] =
    minutes < 60 ? [minutes, 'minute'] : minutes < 48 * 60 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
  const span = `${value} ${unit}${value === 1 ? '' : 's'}`;
  return diff > 0 ? `in ${span}` : `${span} ago`;
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

export function describeFeed(feed: FeedView, now: number): FeedDisplay {
  const name = feed.outlet?.trim() || feed.title?.trim() || (hostOfOrUndefined(feed.url) ?? feed.url);
  const status = feed.lastError ? 'error' : feed.lastFetchAt === undefined ? 'new' : 'ok';
  const lastFetch = feed.lastFetchAt === undefined ? 'Not checked yet' : `Last checked ${relativeTime(feed.lastFetchAt, now)}`;
  const added = `${feed.articlesAdded} ${feed.articlesAdded === 1 ? 'article' : 'articles'} added`;
  const next = feed.nextPollAt <= now ? 'Next check due now' : `Next check ${relativeTime(feed.nextPollAt, now)}`;
  return {
    name,
    status,
    lastFetch,
    added,
    next,
    ...(feed.lastError
      ? { error: `${capitalize(feed.lastError)}${feed.failures > 1 ? ` (${feed.failures} failed checks in a row)` : ''}` }
      : {}),
  };
}
