import type { DiscoveredFeed } from '../../lib/types';
import { useState } from 'preact/hooks';

export interface FollowFeedProps {
  /** Feeds the page advertises; empty when none were found or the page could not be read. */
  feeds: DiscoveredFeed[];
  /** Addresses already followed. */
  followed: string[];
  /** Called inside the click (the app asks for the site permission there). */
  onFollow(feed: DiscoveredFeed): Promise<void>;
}

const TYPE_NAMES: Record<DiscoveredFeed['type'], string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** "Follow this outlet" for each feed the page advertises. */
export function FollowFeed({ feeds, followed, onFollow }: FollowFeedProps) {
  const [done, setDone] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (feeds.length === 0) return null;
  const isFollowed = (url: string) => followed.includes(url) || done.includes(url);
  return (
    <section class="px-follow" aria-label="Follow this outlet">
      <h2>Follow this outlet</h2>
      <ul>
        {feeds.map((feed) => (
          <li key={feed.url}>
            {isFollowed(feed.url) ? (
              <span class="px-followed">Following {feed.title ?? feed.url}</span>
            ) : (
              <button
                type="button"
                class="px-follow-button"
                onClick={() => {
                  setError(null);
                  onFollow(feed)
                    .then(() => setDone((d) => [...d, feed.url]))
                    .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
                }}
              >
                Follow {feed.title ?? 'this outlet'} ({TYPE_NAMES[feed.type]})
              </button>
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <p class="px-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
