import { useState } from 'preact/hooks';
import type { SuggestedFeed } from '../../lib/feeds/suggested';
import { listNames } from '../format';
import { WelcomePicture } from './WelcomePicture';
import { WELCOME_CSS } from './welcome-style';

export interface WelcomeProps {
  /** Outlets offered to follow; nothing of theirs is fetched unless the reader follows them. */
  suggestions: readonly SuggestedFeed[];
  /** Feed addresses already followed. */
  followed: readonly string[];
  /** The icon shown beside the title. */
  iconUrl?: string;
  /** Called inside the click: the app asks for the sites' permission there. */
  onFollow(feeds: SuggestedFeed[]): Promise<void>;
  onOpenOptions(): void;
}

/** The page opened once, on install: what Parallax does, that it keeps everything here, and outlets to follow. */
export function Welcome(props: WelcomeProps) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string[]>([]);

  const followed = new Set(props.followed);
  const offered = props.suggestions.filter((s) => !followed.has(s.url));
  const picked = offered.filter((s) => chosen.has(s.url));
  const toggle = (url: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(url);
    else next.delete(url);
    setChosen(next);
  };
  const follow = (): void => {
    const list = picked;
    setBusy(true);
    setError(null);
    props
      .onFollow(list)
      .then(() => {
        setDone((d) => [...d, ...list.map((s) => s.name)]);
        setChosen(new Set());
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };

  return (
    <main class="px-welcome">
      <style>{WELCOME_CSS}</style>
      <h1>
        {props.iconUrl ? <img src={props.iconUrl} alt="" /> : null}
        Welcome to Parallax
      </h1>
      <p class="px-welcome-lead">
        Parallax shows you, sentence by sentence, which claims of a news article other outlets reported too, and how they told it
        differently.
      </p>
      <WelcomePicture />

      <section aria-labelledby="px-how">
        <h2 id="px-how">How it works</h2>
        <ol class="px-steps">
          <li>
            <strong>Read the news as usual.</strong> Each article you open is kept, so Parallax can compare it with the next one.
          </li>
          <li>
            <strong>Read the same story on another outlet.</strong> The sentences whose claim an outlet you have read also reported are
            underlined, and the toolbar icon counts them.
          </li>
          <li>
            <strong>Point at an underlined sentence</strong> (or reach it with Tab). A card shows how each outlet worded it and what
            differs: a number, a name, a quotation, who said it.
          </li>
        </ol>
      </section>

      <section aria-labelledby="px-private">
        <h2 id="px-private">Everything stays on this computer</h2>
        <p>
          The articles you read are stored in this browser only. Parallax has no account and no server, and sends nothing anywhere; you can
          export what it keeps, or delete it, from its options.
        </p>
      </section>

      <section aria-labelledby="px-follow">
        <h2 id="px-follow">Have other outlets’ articles ready</h2>
        <p>
          Follow a few outlets and Parallax fetches their new articles every hour, so another outlet’s report is already there when you read
          a story. Nothing is fetched until you choose; your browser asks before Parallax may read each site.
        </p>
        {offered.length > 0 ? (
          <>
            <ul class="px-welcome-outlets" aria-label="Suggested outlets">
              {offered.map((s) => (
                <li key={s.url}>
                  <label>
                    <input
                      type="checkbox"
                      name="outlet"
                      value={s.url}
                      checked={chosen.has(s.url)}
                      disabled={busy}
                      onChange={(e) => toggle(s.url, (e.target as HTMLInputElement).checked)}
                    />
                    {s.name}
                  </label>
                </li>
              ))}
            </ul>
            <div class="px-welcome-actions">
              <button type="button" class="px-primary" disabled={busy || picked.length === 0} onClick={follow}>
                {busy
                  ? 'Following…'
                  : picked.length === 0
                    ? 'Choose outlets to follow'
                    : `Follow ${picked.length} ${picked.length === 1 ? 'outlet' : 'outlets'}`}
              </button>
              <button type="button" class="px-link" disabled={busy} onClick={() => setChosen(new Set(offered.map((s) => s.url)))}>
                Choose all
              </button>
            </div>
          </>
        ) : null}
        {done.length > 0 ? (
          <p class="px-done" role="status">
            Following {listNames(done)}. Their new articles will be fetched in the background.
          </p>
        ) : null}
        {error ? (
          <p class="px-error" role="alert">
            {error}
          </p>
        ) : null}
        <p class="px-muted">
          You can follow any outlet by its feed, or stop following one, in{' '}
          <button type="button" class="px-link" onClick={() => props.onOpenOptions()}>
            Parallax’s options
          </button>
          .
        </p>
      </section>
    </main>
  );
}
