import type { PageCaptureState } from '../../lib/messaging/protocol';
import type { PageSummary, PauseState, SearchGroup } from '../../lib/types';
import type { ComponentChildren } from 'preact';
import { PageSummaryPanel } from './PageSummaryPanel';
import { PauseSwitches, type PauseScope } from './PauseSwitches';
import { POPUP_CSS } from './popup-style';
import { SearchPanel } from './SearchPanel';

export interface PopupProps {
  summary: PageSummary | null;
  /** What became of the page's last capture (its content script's account). */
  capture?: PageCaptureState | null;
  pause: PauseState;
  /** Host name of the current tab, when it is a web page. */
  host?: string;
  onSearch(query: string): Promise<SearchGroup[]>;
  onPause(scope: PauseScope, paused: boolean): void;
  onOpenOptions(): void;
  onOpenResult(url: string): void;
  /** Typing pause before a search; defaults to SEARCH_DELAY_MS. */
  searchDelayMs?: number;
  /** Slot below the page summary (follow this outlet, a storage notice). */
  children?: ComponentChildren;
}

/** The toolbar popup: search, what is known about this page, capture switches. */
export function Popup(props: PopupProps) {
  return (
    <div class="px-popup">
      <style>{POPUP_CSS}</style>
      <header class="px-popup-head">
        <h1>Parallax</h1>
        <button type="button" class="px-link" onClick={() => props.onOpenOptions()}>
          Options
        </button>
      </header>
      <SearchPanel onSearch={props.onSearch} onOpenResult={props.onOpenResult} delayMs={props.searchDelayMs} />
      <PageSummaryPanel summary={props.summary} capture={props.capture ?? null} onFollowOutlets={props.onOpenOptions} />
      {props.children}
      <PauseSwitches pause={props.pause} host={props.host} onPause={props.onPause} />
    </div>
  );
}
