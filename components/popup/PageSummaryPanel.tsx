import type { PageSummary } from '../../lib/types';
import { listNames } from '../format';

export interface PageSummaryPanelProps {
  summary: PageSummary | null;
}

/** What Parallax knows about the page in the current tab. */
export function PageSummaryPanel({ summary }: PageSummaryPanelProps) {
  if (!summary || !summary.known) {
    return (
      <section class="px-summary" aria-label="This page">
        <p class="px-muted">Parallax has not stored this page as a news article.</p>
      </section>
    );
  }
  return (
    <section class="px-summary" aria-label="This page">
      {summary.title ? <h2 class="px-summary-title">{summary.title}</h2> : null}
      {summary.outlet ? <p class="px-muted">{summary.outlet}</p> : null}
      <p class="px-summary-count">
        <strong>{summary.markedCount}</strong> of {summary.sentenceCount} sentences marked as also reported elsewhere
      </p>
      <p class="px-summary-outlets">
        {summary.storyOutlets.length > 0
          ? `Also covering this story: ${listNames(summary.storyOutlets)}`
          : 'No other outlet you have read covers this story yet.'}
      </p>
    </section>
  );
}
