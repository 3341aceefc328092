import type { Difference, DifferenceKind } from '../../lib/types';
import { WordingComparison } from './WordingComparison';

/** Differences whose two wordings are worth showing word by word. */
const COMPARED: ReadonlySet<DifferenceKind> = new Set<DifferenceKind>(['number', 'quote-wording', 'name-spelling']);

export interface DifferenceListProps {
  differences: Difference[];
  outlet: string;
}

export function DifferenceList({ differences, outlet }: DifferenceListProps) {
  if (differences.length === 0) return null;
  return (
    <ul class="px-diffs" aria-label="Differences">
      {differences.map((d, i) => (
        <li key={`${d.kind}-${i}`} class={`px-diff px-diff-${d.kind}`}>
          <span class="px-diff-label">{d.label}</span>
          {COMPARED.has(d.kind) ? (
            <WordingComparison here={d.a} there={d.b} outlet={outlet} />
          ) : (
            <span class="px-diff-plain">
              {d.a ? <>here “{d.a}”</> : null}
              {d.a && d.b ? '; ' : null}
              {d.b ? (
                <>
                  {outlet}: “{d.b}”
                </>
              ) : null}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
