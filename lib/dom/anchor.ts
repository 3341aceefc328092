import { foldText } from './fold-text';
import { locate, readPageText, type PageText } from './page-text';
import { EDGE_CHARS, MAX_SPAN_STRETCH } from '../annotator/config';

export interface SentenceToAnchor {
  index: number;
  text: string;
}

/*
 * When the exact (folded) sentence is not in the page, the extractor may have
 * dropped something inside it (a footnote marker, an inline "READ:" link).
 * The sentence is then looked for by its head and its tail, as text fragments
 * do, accepting a span whose length stays close to the sentence's own.
 */
const MIN_LENGTH_FOR_EDGES = EDGE_CHARS * 3;

/**
 * Finds each sentence in the live text under `root` and returns a DOM range
 * for it. Sentences are looked for in order, after the previous match, then
 * anywhere; a sentence found nowhere is left out of the map.
 */
export function anchorSentences(root: Element | Document, sentences: SentenceToAnchor[]): Map<number, Range> {
  const out = new Map<number, Range>();
  const page = readPageText(root);
  if (page.nodes.length === 0) return out;
  const folded = foldText(page.text);
  const claimed: [number, number][] = [];
  let cursor = 0;

  const sorted = [...sentences].sort((x, y) => x.index - y.index);
  for (const sentence of sorted) {
    const needle = foldText(sentence.text).text;
    if (needle.length === 0) continue;
    const span =
      findFree(folded.text, needle, cursor, claimed) ??
      findFree(folded.text, needle, 0, claimed) ??
      findByEdges(folded.text, needle, cursor, claimed) ??
      findByEdges(folded.text, needle, 0, claimed);
    if (!span) continue;
    const range = toRange(root, page, folded.source, span);
    if (!range) continue;
    out.set(sentence.index, range);
    claimed.push(span);
    cursor = span[1];
  }
  return out;
}

function overlaps(span: [number, number], claimed: [number, number][]): boolean {
  return claimed.some(([s, e]) => span[0] < e && s < span[1]);
}

function findFree(hay: string, needle: string, from: number, claimed: [number, number][]): [number, number] | null {
  for (let at = hay.indexOf(needle, from); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const span: [number, number] = [at, at + needle.length];
    if (!overlaps(span, claimed)) return span;
  }
  return null;
}

function findByEdges(hay: string, needle: string, from: number, claimed: [number, number][]): [number, number] | null {
  if (needle.length < MIN_LENGTH_FOR_EDGES) return null;
  const head = needle.slice(0, EDGE_CHARS);
  const tail = needle.slice(-EDGE_CHARS);
  const longest = Math.ceil(needle.length * MAX_SPAN_STRETCH);
  for (let at = hay.indexOf(head, from); at >= 0; at = hay.indexOf(head, at + 1)) {
    const end = hay.indexOf(tail, at + head.length);
    if (end < 0) return null;
    const span: [number, number] = [at, end + tail.length];
    if (span[1] - span[0] <= longest && !overlaps(span, claimed)) return span;
  }
  return null;
}

function toRange(root: Element | Document, page: PageText, source: Int32Array, span: [number, number]): Range | null {
  const first = source[span[0]];
  const last = source[span[1] - 1];
  if (first === undefined || last === undefined) return null;
  const start = locate(page, first);
  const end = locate(page, last);
  if (!start || !end) return null;
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const range = doc.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset + 1);
  return range;
}
