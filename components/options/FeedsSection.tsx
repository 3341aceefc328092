import { useState } from 'preact/hooks';
import type { FeedView } from '../../lib/messaging/protocol';
import type { SuggestedFeed } from '../../lib/feeds/suggested';
import { describeFeed } from './feed-display';
import { Section } from './Section';

export interface FeedsSectionProps {
  feeds: FeedView[];
  suggestions: readonly SuggestedFeed[];
  /** Epoch ms, for "last checked 5 minutes ago". */
  now: number;
  /**
   * Called inside the click, before any await: the app asks for the host
   * permission there, which browsers allow only during a click.
   */
  onFollow(request: { url: string; outlet?: string }): Promise<void>;
  onFollowSuggested(feeds: SuggestedFeed[]): Promise<void>;
  onUnfollow(id: string): Promise<void>;
  onPollNow(id?: string): Promise<void>;
}

/** Outlets followed by their feeds, each with its state; the suggested list; a form for any address. */
export function FeedsSection(props: FeedsSectionProps) {
  const [url, setUrl] = useState('');
  const [outlet, setOutlet] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (label: string, task: () => Promise<void>): void => {
    setBusy(label);
    setError(null);
    task()
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(null));
  };

  const followed = new Set(props.feeds.map((f) => f.url));
  const notYet = props.suggestions.filter((s) => !followed.has(s.url));

  return (
    <Section id="feeds" title="Followed outlets">
      <p class="px-muted">
        Parallax reads the feeds you follow on a schedule and stores their new articles, so the other outlets’ reports are there when you
        read a story. Nothing is fetched until you follow something.
      </p>
      <form
        class="px-feed-form"
        onSubmit={(event) => {
          event.preventDefault();
          const request = { url: url.trim(), ...(outlet.trim() ? { outlet: outlet.trim() } : {}) };
          run('follow', async () => {
            await props.onFollow(request);
            setUrl('');
            setOutlet('');
          });
        }}
      >
        <label>
          Feed address (RSS, Atom or JSON Feed)
          <input
            type="url"
            name="feed-url"
            required
            placeholder="https://example.com/feed.xml"
            value={url}
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          Outlet name (optional)
          <input type="text" name="feed-outlet" value={outlet} onInput={(e) => setOutlet((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={busy !== null}>
          {busy === 'follow' ? 'Following…' : 'Follow'}
        </button>
      </form>
      {error ? (
        <p class="px-error" role="alert">
          {error}
        </p>
      ) : null}

      {props.feeds.length === 0 ? (
        <p class="px-muted">You follow no outlet yet.</p>
      ) : (
        <>
          <ul class="px-feeds" aria-label="Followed feeds">
            {props.feeds.map((feed) => {
              const d = describeFeed(feed, props.now);
              return (
                <li key={feed.id} class={`px-feed px-feed-${d.status}`} data-feed-url={feed.url}>
                  <strong class="px-feed-name">{d.name}</strong> <span class="px-muted px-feed-url">{feed.url}</span>
                  <p class="px-feed-state">
                    {d.lastFetch} · <span class="px-feed-added">{d.added}</span> · {d.next}
                  </p>
                  {d.error ? <p class="px-error px-feed-error">{d.error}</p> : null}
                  {feed.problems && feed.problems.length > 0 ? (
                    <details class="px-feed-problems">
                      <summary>{feed.problems.length} recent articles not stored</summary>
                      <ul>
                        {feed.problems.map((p, i) => (
                          <li key={`${p.url}-${i}`}>
                            {p.url ? <span class="px-muted">{p.url}: </span> : null}
                            {p.reason}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  <button type="button" disabled={busy !== null} onClick={() => run(`poll-${feed.id}`, () => props.onPollNow(feed.id))}>
                    {busy === `poll-${feed.id}` ? 'Checking…' : 'Check now'}
                  </button>{' '}
                  <button
                    type="button"
                    aria-label={`Unfollow ${d.name}`}
                    disabled={busy !== null}
                    onClick={() => run('unfollow', () => props.onUnfollow(feed.id))}
                  >
                    Unfollow
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" class="px-poll-all" disabled={busy !== null} onClick={() => run('poll-all', () => props.onPollNow())}>
            {busy === 'poll-all' ? 'Checking all…' : 'Check all now'}
          </button>
        </>
      )}

      {notYet.length > 0 ? (
        <div class="px-suggested">
          <h3>Suggested outlets</h3>
          <p class="px-muted">Public feeds of well-known outlets. Following asks your permission to read their sites.</p>
          <ul>
            {notYet.map((s) => (
              <li key={s.url}>
                {s.name}{' '}
                <button
                  type="button"
                  aria-label={`Follow ${s.name}`}
                  disabled={busy !== null}
                  onClick={() => run('suggested', () => props.onFollowSuggested([s]))}
                >
                  Follow
                </button>
              </li>
            ))}
          </ul>
          <button type="button" disabled={busy !== null} onClick={() => run('suggested', () => props.onFollowSuggested(notYet))}>
            Follow all {notYet.length} suggested outlets
          </button>
        </div>
      ) : null}
    </Section>
  );
}
