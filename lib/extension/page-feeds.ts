import type { DiscoveredFeed } from '../types';
import { discoverFeeds } from '../feeds/discover';

/** What the popup sends a tab's content script to learn the feeds its page advertises. */
export const PAGE_FEEDS_REQUEST = { parallax: 1, type: 'pageFeeds' } as const;

export function isPageFeedsRequest(message: unknown): boolean {
  const m = message as Partial<typeof PAGE_FEEDS_REQUEST> | null;
  return typeof m === 'object' && m !== null && m.parallax === 1 && m.type === 'pageFeeds';
}

/** The feeds a page advertises with `<link rel="alternate">` in its head. */
export function pageFeeds(doc: Document): DiscoveredFeed[] {
  return discoverFeeds(doc.head?.outerHTML ?? '', doc.location.href);
}
