import type { PageStatus, PageSummary, PauseState, StoreAnywayReply } from '../../lib/types';
import { useState } from 'preact/hooks';
import { listNames } from '../format';

export interface PageSummaryPanelProps {
  summary: PageSummary | null;
  /** Where outlets are followed (the options page); offered when nothing else covers the story. */
  onFollowOutlets?(): void;
  /** What became of the open page, from its content script; absent when the page has none. */
  status?: PageStatus | null;
  /** Pause switches and the page's host, to say where capture is paused. */
  pause?: PauseState;
  host?: string;
  /** Stores the page anyway; the caller refreshes the summary once it is stored. */
  onStoreAnyway?(): Promise<StoreAnywayReply>;
}

const sentence = (text: string): string => {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
};

/** Why the page was not stored, in plain words; undefined while it is being read or once stored. */
export function whyNotStored(status: PageStatus, pause?: PauseState, host?: string): string | undefined {
  switch (status.state) {
    case 'reading':
    case 'stored':
      return undefined;
    case 'paused':
      return pause?.everywhere || !host ? 'Capture is paused everywhere.' : `Capture is paused for ${host}.`;
    case 'not-article':
      return sentence(status.reason ?? 'it does not read as a news article');
    default:
      return sentence(status.reason ?? 'the page could not be read');
  }
}

/** Why the page is not stored, and the reader's way to store it all the same. */
function NotStored({ why, offer, onStoreAnyway }: { why: string; offer: boolean; onStoreAnyway?: () => Promise<StoreAnywayReply> }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <>
      <p class="px-muted">Parallax has not stored this page.</p>
      <p class="px-why">{why}</p>
      {offer && onStoreAnyway && refusal === null ? (
        <button
          type="button"
          class="px-store-anyway"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            onStoreAnyway()
              .then((reply) => {
                if (!reply.stored) setRefusal(sentence(`not stored: ${reply.reason ?? 'the page was refused'}`));
              })
              .catch((err: unknown) => setRefusal(sentence(`not stored: ${err instanceof Error ? err.message : String(err)}`)))
              .finally(() => setBusy(false));
          }}
        >
          {busy ? 'Storing…' : 'Store this page anyway'}
        </button>
      ) : null}
      {refusal !== null ? (
        <p class="px-error" role="alert">
          {refusal}
        </p>
      ) : null}
    </>
  );
}

/** What Parallax knows about the page in the current tab. */
export function PageSummaryPanel({ summary, onFollowOutlets, status, pause, host, onStoreAnyway }: PageSummaryPanelProps) {
  const follow = onFollowOutlets ? (
    <button type="button" class="px-link" onClick={() => onFollowOutlets()}>
      follow outlets
    </button>
  ) : (
    'follow outlets'
  );
  const why = status && (!summary || !summary.known) ? whyNotStored(status, pause, host) : undefined;
  if (why !== undefined && status) {
    return (
      <section class="px-summary" aria-label="This page">
        <NotStored why={why} offer={status.canStoreAnyway} {...(onStoreAnyway ? { onStoreAnyway } : {})} />
      </section>
    );
  }
  // A page stored before whose new capture was refused says why, above what was stored of it.
  const refused =
    status && (status.state === 'rejected' || status.state === 'too-large') ? (
      <p class="px-refused" role="status" data-status={status.state}>
        <strong>{status.state === 'too-large' ? 'Too large to store.' : 'Not stored.'}</strong> {status.reason ?? ''}
      </p>
    ) : null;
  if (!summary || !summary.known) {
    return (
      <section class="px-summary" aria-label="This page">
        <p class="px-muted">Parallax has not stored this page as a news article.</p>
        <p class="px-next">
          Open a news article: Parallax keeps it and marks what other outlets you have read also reported. Or {follow} to have their
          articles ready.
        </p>
      </section>
    );
  }
  return (
    <section class="px-summary" aria-label="This page">
      {refused}
      {summary.title ? <h2 class="px-summary-title">{summary.title}</h2> : null}
      {summary.outlet ? <p class="px-muted">{summary.outlet}</p> : null}
      <p class="px-summary-count">
        <strong>{summary.markedCount}</strong> of {summary.sentenceCount} sentences marked as also reported elsewhere
      </p>
      {summary.storyOutlets.length > 0 ? (
        <p class="px-summary-outlets">Also covering this story: {listNames(summary.storyOutlets)}</p>
      ) : (
        <>
          <p class="px-summary-outlets">No other outlet you have read covers this story yet.</p>
          <p class="px-next">Read this story on another outlet, or {follow} to have their articles ready.</p>
        </>
      )}
    </section>
  );
}
