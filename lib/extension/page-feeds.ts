import type { DiscoveredFeed } from '../types';
import { discoverFeeds } from '../feeds/discover';

/** The feeds a page advertises with `<link rel="alternate">` in its head. */
export function pageFeeds(doc: Document): DiscoveredFeed[] {
  return discoverFeeds(doc.head?.outerHTML ?? '', doc.location.href);
}
