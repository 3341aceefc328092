import type { PageCaptureState } from '../../lib/messaging/protocol';
import type { PageSummary } from '../../lib/types';
import { listNames } from '../format';

export interface PageSummaryPanelProps {
  summary: PageSummary | null;
  /** What became of the page's last capture, as its content script saw it. */
  capture?: PageCaptureState | null;
  /** Where outlets are followed (the options page); offered when nothing else covers the story. */
  onFollowOutlets?(): void;
}

/** What Parallax knows about the page in the current tab. */
export function PageSummaryPanel({ summary, capture, onFollowOutlets }: PageSummaryPanelProps) {
  const follow = onFollowOutlets ? (
    <button type="button" class="px-link" onClick={() => onFollowOutlets()}>
      follow outlets
    </button>
  ) : (
    'follow outlets'
  );
  // A page that was refused says why, above whatever was stored of it before.
  const refused =
    capture && (capture.status === 'rejected' || capture.status === 'too-large') ? (
      <p class="px-refused" role="status" data-status={capture.status}>
        <strong>{capture.status === 'too-large' ? 'Too large to store.' : 'Not stored.'}</strong> {capture.message ?? ''}
      </p>
    ) : null;
  if (!summary || !summary.known) {
    if (refused) {
      return (
        <section class="px-summary" aria-label="This page">
          {refused}
        </section>
      );
    }
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
