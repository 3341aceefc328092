import { wordDiff } from '../../lib/diff/differences';

export interface WordingComparisonProps {
  /** The wording on this page. */
  here: string;
  /** The other outlet's wording. */
  there: string;
  outlet: string;
}

/** The two wordings one above the other, the words that differ highlighted in each. */
export function WordingComparison({ here, there, outlet }: WordingComparisonProps) {
  const parts = wordDiff(here, there);
  const side = (keep: 'del' | 'ins') =>
    parts
      .filter((p) => p.op === 'same' || p.op === keep)
      .map((p, i) => (
        <>
          {i > 0 ? ' ' : ''}
          {p.op === 'same' ? p.text : <mark class={`px-changed px-${keep}`}>{p.text}</mark>}
        </>
      ));
  return (
    <dl class="px-wordings">
      <dt>This page</dt>
      <dd class="px-wording-here">{side('del')}</dd>
      <dt>{outlet}</dt>
      <dd class="px-wording-there">{side('ins')}</dd>
    </dl>
  );
}
