import type { PageStatus, PageSummary, PauseState, SearchGroup, StoreAnywayReply } from '../../lib/types';
import type { ComponentChildren } from 'preact';
import { PageSummaryPanel } from './PageSummaryPanel';
import { PauseSwitches, type PauseScope } from './PauseSwitches';
import { POPUP_CSS } from './popup-style';
import { SearchPanel } from './SearchPanel';

export interface PopupProps {
  summary: PageSummary | null;
  pause: PauseState;
  /** Host name of the current tab, when it is a web page. */
  host?: string;
  onSearch(query: string): Promise<SearchGroup[]>;
  onPause(scope: PauseScope, paused: boolean): void;
  onOpenOptions(): void;
  onOpenResult(url: string): void;
  /** Typing pause before a search; defaults to SEARCH_DELAY_MS. */
  searchDelayMs?: number;
  /** What became of the open page, from its content script. */
  status?: PageStatus | null;
  /** Stores the open page anyway (offered when it was not stored). */
  onStoreAnyway?(): Promise<StoreAnywayReply>;
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
      <PageSummaryPanel
        summary={props.summary}
        onFollowOutlets={props.onOpenOptions}
        status={props.status ?? null}
        pause={props.pause}
        {...(props.host !== undefined ? { host: props.host } : {})}
        {...(props.onStoreAnyway ? { onStoreAnyway: props.onStoreAnyway } : {})}
      />
      {props.children}
      <PauseSwitches pause={props.pause} host={props.host} onPause={props.onPause} />
    </div>
  );
}
