import type { MarkedSentence } from '../lib/types';
import { plural } from './format';
import { OutletReportItem } from './card/OutletReportItem';

export interface CardProps {
  sentence: MarkedSentence;
  onClose?: () => void;
  /** BCP 47 locale for times; the reader's own when left out. */
  locale?: string;
}

export const CARD_LABEL = 'How other outlets reported this sentence';

/** The hover card: each other outlet that reported the sentence's claim, and how its wording differs. */
export function Card({ sentence, onClose, locale }: CardProps) {
  const { reports } = sentence;
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !onClose) return;
    // Handled here too: not every host lets a key event out of a shadow root.
    e.preventDefault();
    e.stopPropagation();
    onClose();
  };
  return (
    <div class="px-card" role="dialog" aria-label={CARD_LABEL} onKeyDown={onKeyDown}>
      <header class="px-card-head">
        <h2 class="px-card-title">Also reported by {plural(reports.length, 'other outlet')}</h2>
        {onClose ? (
          <button type="button" class="px-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        ) : null}
      </header>
      <ul class="px-reports">
        {reports.map((report) => (
          <OutletReportItem key={report.articleId} report={report} locale={locale} />
        ))}
      </ul>
    </div>
  );
}
