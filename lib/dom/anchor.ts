import { foldSteps, foldText } from './fold-text';
import { locate, pageTextSteps, type PageText } from './page-text';
import { EDGE_CHARS, MAX_SPAN_STRETCH } from '../annotator/config';
import type { Steps } from './time-slice';

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

/** Where a sentence was found: characters `start` to `end` (exclusive) of the page's text as read. */
export interface AnchoredSpan {
  index: number;
  page: PageText;
  start: number;
  end: number;
}

/**
 * Finds each sentence in the text under `root`, as steps that may pause after
 * reading the page and after each sentence (lib/dom/time-slice.ts). Sentences
 * are looked for in order, after the previous match, then anywhere; a
 * sentence found nowhere is left out of the map. It gives where each sentence
 * is in the text as read rather than live ranges: a live range is updated by the
 * browser on every later change of the page, so thousands of them make
 * marking quadratic. Nothing in the page is changed.
 */
export function* anchorSteps(root: Element | Document, sentences: SentenceToAnchor[]): Steps<Map<number, AnchoredSpan>> {
  const out = new Map<number, AnchoredSpan>();
  const page = yield* pageTextSteps(root);
  if (page.nodes.length === 0) return out;
  yield;
  const folded = yield* foldSteps(page.text);
  yield;
  const claimed: [number, number][] = [];
  let cursor = 0;

  const sorted = [...sentences].sort((x, y) => x.index - y.index);
  for (const sentence of sorted) {
    yield;
    const needle = foldText(sentence.text).text;
    if (needle.length === 0) continue;
    const span =
      findFree(folded.text, needle, cursor, claimed) ??
      findFree(folded.text, needle, 0, claimed) ??
      findByEdges(folded.text, needle, cursor, claimed) ??
      findByEdges(folded.text, needle, 0, claimed);
    if (!span) continue;
    const first = folded.source[span[0]];
    const last = folded.source[span[1] - 1];
    if (first === undefined || last === undefined || !locate(page, first) || !locate(page, last)) continue;
    out.set(sentence.index, { index: sentence.index, page, start: first, end: last + 1 });
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
