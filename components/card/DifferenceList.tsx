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
          {/* The label says the rest in plain words (lib/diff differenceLabel). */}
          {COMPARED.has(d.kind) ? <WordingComparison here={d.a} there={d.b} outlet={outlet} /> : null}
        </li>
      ))}
    </ul>
  );
}
