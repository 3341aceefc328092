import type { SearchGroup } from '../../lib/types';
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural } from '../format';
import { SearchResults } from './SearchResults';

/** Wait this long after the last keystroke before searching. */
export const SEARCH_DELAY_MS = 200;
const MIN_QUERY_LENGTH = 2;

export interface SearchPanelProps {
  onSearch(query: string): Promise<SearchGroup[]>;
  onOpenResult(url: string): void;
  delayMs?: number;
}

type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'done'; query: string; groups: SearchGroup[] }
  | { status: 'error'; query: string; message: string };

export function SearchPanel({ onSearch, onOpenResult, delayMs = SEARCH_DELAY_MS }: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  // Replies can arrive out of order; only the latest query's is shown.
  const latest = useRef(0);
  // The latest callback, without re-running a search each time the parent re-renders with a new function.
  const search = useRef(onSearch);
  search.current = onSearch;

  useEffect(() => {
    const q = query.trim();
    const ticket = ++latest.current;
    if (q.length < MIN_QUERY_LENGTH) {
      setState({ status: 'idle' });
      return undefined;
    }
    const timer = setTimeout(() => {
      setState({ status: 'loading', query: q });
      search.current(q).then(
        (groups) => {
          if (ticket === latest.current) setState({ status: 'done', query: q, groups });
        },
        (err: unknown) => {
          if (ticket === latest.current) setState({ status: 'error', query: q, message: err instanceof Error ? err.message : String(err) });
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [query, delayMs]);

  return (
    <section class="px-search" aria-label="Search stored articles">
      <input
        class="px-search-input"
        type="search"
        placeholder="Search everything you have read"
        aria-label="Search stored articles"
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <p class="px-status" role="status" aria-live="polite">
        {statusText(state)}
      </p>
      {state.status === 'done' && state.groups.length > 0 ? <SearchResults groups={state.groups} onOpenResult={onOpenResult} /> : null}
    </section>
  );
}

function statusText(state: SearchState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'loading':
      return 'Searching…';
    case 'error':
      return `Search failed: ${state.message}`;
    case 'done':
      return state.groups.length === 0
        ? `Nothing stored matches “${state.query}”.`
        : `${plural(state.groups.length, 'story', 'stories')} found.`;
  }
}
