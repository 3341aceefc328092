export interface TextPiece {
  text: string;
  hit: boolean;
}

/**
 * Cuts `text` into plain and highlighted pieces from [start, end) ranges
 * that may be unsorted, overlapping or out of bounds (they come from a fuzzy
 * search index).
 */
export function splitHighlights(text: string, ranges: [number, number][]): TextPiece[] {
  const clean = ranges
    .map(([s, e]): [number, number] => [Math.max(0, Math.min(s, e)), Math.min(text.length, Math.max(s, e))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of clean) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: TextPiece[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
