import type { SearchGroup } from '../../lib/types';
import { HighlightedText } from './HighlightedText';

export interface SearchResultsProps {
  groups: SearchGroup[];
  onOpenResult(url: string): void;
}

/** Hits grouped by story; each opens its article scrolled to the sentence. */
export function SearchResults({ groups, onOpenResult }: SearchResultsProps) {
  return (
    <ol class="px-groups">
      {groups.map((group) => (
        <li key={group.storyId} class="px-group">
          <h3 class="px-group-title">{group.storyTitle}</h3>
          <p class="px-group-outlets">{group.outlets.join(' · ')}</p>
          <ul class="px-hits">
            {group.hits.map((hit) => (
              <li key={hit.sentenceId} class={`px-result px-result-${hit.field}`}>
                <a
                  href={hit.fragmentUrl}
                  onClick={(e) => {
                    // Links in an extension popup do not navigate the reader's tab; the caller opens it.
                    e.preventDefault();
                    onOpenResult(hit.fragmentUrl);
                  }}
                >
                  <span class="px-result-outlet">{hit.outlet}</span>
                  <span class="px-result-text">
                    <HighlightedText text={hit.text} highlights={hit.highlights} />
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
