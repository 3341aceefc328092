/**
 * Following outlets from a page of the extension (options, welcome): the
 * sites' host permissions are asked for first, inside the reader's click
 * (browsers allow the prompt only then), and only once granted are the feeds
 * followed. Nothing is fetched before.
 */
import type { FeedView } from '../messaging/protocol';
import { originsToRequest } from './feeds-permissions';

export interface FollowRequest {
  url: string;
  outlet?: string;
  /** The outlet's site, when its articles live on another host than its feed. */
  site?: string;
}

export interface FollowDeps {
  /** browser.permissions.request({ origins }) */
  requestOrigins(origins: string[]): Promise<boolean>;
  followFeed(request: { url: string; outlet?: string }): Promise<FeedView[]>;
}

export const PERMISSION_REFUSED = 'Parallax needs your permission to read the outlet’s site to follow its feed.';

/** Asks for the sites, then follows each feed; returns the feeds followed afterwards. */
export function followOutlets(requests: FollowRequest[], deps: FollowDeps): Promise<FeedView[]> {
  const origins = originsToRequest(...requests.flatMap((r) => [r.url, r.site]));
  // Called before any await, while the click still counts as the reader's.
  const granted = origins.length === 0 ? Promise.resolve(true) : deps.requestOrigins(origins);
  return granted.then(async (ok) => {
    if (!ok) throw new Error(PERMISSION_REFUSED);
    let feeds: FeedView[] = [];
    for (const r of requests) feeds = await deps.followFeed({ url: r.url, ...(r.outlet ? { outlet: r.outlet } : {}) });
    return feeds;
  });
}
