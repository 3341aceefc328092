import { MARK_TAG, locate } from './page-text';
import type { AnchoredSpan } from './anchor';
import type { Steps } from './time-slice';

export { MARK_TAG };
export const INDEX_ATTR = 'data-parallax-index';
/** Our marks: plain `<mark>` elements carrying a sentence index (the page's own `<mark>`s carry none). */
export const MARK_SELECTOR = `${MARK_TAG}[${INDEX_ATTR}]`;
export const MARK_STYLE_ID = 'parallax-mark-style';
/**
 * What a mark says of itself to assistive technology. The page can read it,
 * so it names no outlet and no count: what the reader stored from other sites
 * is shown only inside the card's closed shadow root.
 */
export const MARK_DESCRIPTION = 'also reported elsewhere; press Enter to compare';

/**
 * Text nodes we split, mapped to the node they were split from. Splitting
 * keeps the head in the original node, so after unwrapping, every piece
 * follows its original as a sibling and can be merged back into it: the page
 * gets its own node objects back, not look-alike copies (`normalize()` would
 * also merge text nodes the page itself kept apart).
 */
const origins = new WeakMap<Text, Text>();

const originOf = (node: Text): Text => origins.get(node) ?? node;

interface Segment {
  node: Text;
  start: number;
  end: number;
}

/**
 * Marks the spans `anchorSteps` found: each in `<mark data-parallax-index>`
 * elements, one per text node it crosses, returned by sentence index (in
 * document order); a span overlapping an earlier one is left unmarked. As
 * steps that may pause between sentences (lib/dom/time-slice.ts). Before a
 * sentence is wrapped, its text nodes are checked against the text as it was
 * read: a sentence whose text the page changed or removed in the meantime is
 * left unmarked (and counted in `stale`), never wrapped at the wrong place.
 *
 * Plain `<mark>` rather than a custom element: a page can define a custom
 * element name before the content script runs and so take over every
 * element of that name; a built-in element created without `is` cannot be.
 *
 * Accessibility: the marks keep the sentence as their content and say what
 * they are with role="mark" plus a generic `aria-description`
 * (`MARK_DESCRIPTION`). An `aria-label` would replace the sentence for a
 * screen reader (and naming is not allowed on role="mark"), so the
 * description is added rather than substituted. Only the first mark of a
 * sentence is focusable and described, so Tab stops once per sentence and
 * the description is read once.
 */
export function* markSteps(spans: Iterable<AnchoredSpan>): Steps<{ marks: Map<number, HTMLElement[]>; stale: number }> {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const kept: AnchoredSpan[] = [];
  for (const span of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && previous.end > span.start) continue;
    kept.push(span);
  }
  let stale = 0;
  const marks = yield* wrapSteps(
    kept.map((span) => ({
      index: span.index,
      segments: () => {
        const found = spanSegments(span);
        if (found === null) stale++;
        return found ?? [];
      },
    })),
  );
  return { marks, stale };
}

/** Wraps each sentence's segments, last sentence first: splits then only ever cut text after the offsets still to be used. */
function* wrapSteps(sentences: { index: number; segments(): Segment[] }[]): Steps<Map<number, HTMLElement[]>> {
  const marks = new Map<number, HTMLElement[]>();
  for (let i = sentences.length - 1; i >= 0; i--) {
    const { index, segments } = sentences[i]!;
    const made = wrapSegments(segments(), index);
    if (made.length > 0) marks.set(index, made);
    yield;
  }
  return new Map([...marks.entries()].reverse());
}

/**
 * The parts of the page's text nodes a span covers (blank parts between
 * blocks left alone); null when those nodes no longer hold the text
 * they held when the page was read, or have moved to another parent since. Marking runs last sentence first, so
 * the only change of our own a span's nodes can have seen is its last node
 * cut after the span's end.
 */
function spanSegments(span: AnchoredSpan): Segment[] | null {
  const { page } = span;
  const start = locate(page, span.start);
  const end = locate(page, span.end - 1);
  if (!start || !end) return null;
  const first = start.at;
  const last = end.at;
  const out: Segment[] = [];
  for (let k = first; k <= last; k++) {
    const node = page.nodes[k]!;
    const from = page.starts[k]!;
    const was = page.text.slice(from, k + 1 < page.starts.length ? page.starts[k + 1] : page.text.length);
    const upTo = k === last ? end.offset + 1 : was.length;
    if (!node.isConnected || node.parentNode !== page.parents[k]) return null;
    if (k < last ? node.data !== was : node.data.slice(0, upTo) !== was.slice(0, upTo)) return null;
    const segStart = k === first ? start.offset : 0;
    const segEnd = k === last ? upTo : node.length;
    if (segEnd <= segStart) continue;
    if (node.data.slice(segStart, segEnd).trim() === '') continue;
    out.push({ node, start: segStart, end: segEnd });
  }
  return out;
}

function wrapSegments(segments: Segment[], index: number): HTMLElement[] {
  const made: HTMLElement[] = [];
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i] as Segment;
    made.unshift(wrap(seg, index));
  }
  const first = made[0];
  if (first) {
    first.setAttribute('tabindex', '0');
    first.setAttribute('aria-description', MARK_DESCRIPTION);
  }
  return made;
}

/** Removes every mark under `root` and merges the split text back into the page's own nodes. */
export function removeMarks(root: Element | Document): void {
  const marks = Array.from(root.querySelectorAll(MARK_SELECTOR));
  const touched = new Set<Text>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) {
      const child = mark.firstChild;
      if (child.nodeType === 3) touched.add(originOf(child as Text));
      parent.insertBefore(child, mark);
    }
    parent.removeChild(mark);
  }
  for (const original of touched) {
    if (!original.parentNode) continue;
    let next = original.nextSibling;
    while (next && next.nodeType === 3 && origins.get(next as Text) === original) {
      const piece = next as Text;
      next = piece.nextSibling;
      original.appendData(piece.data);
      piece.parentNode?.removeChild(piece);
      origins.delete(piece);
    }
  }
}

/** The marks' look, scoped by `MARK_SELECTOR`, in the page's head (it carries nothing the page does not see anyway). */
export function installMarkStyle(doc: Document): void {
  if (doc.getElementById(MARK_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = MARK_STYLE_ID;
  style.textContent = MARK_CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}

export function uninstallMarkStyle(doc: Document): void {
  doc.getElementById(MARK_STYLE_ID)?.remove();
}

// Translucent amber reads on light and dark pages alike; `all: unset` keeps the page's CSS for <mark> off it.
const MARK_CSS = `
${MARK_SELECTOR} {
  all: unset;
  display: inline;
  font: inherit;
  color: inherit;
  background-color: rgba(250, 204, 21, 0.28);
  box-shadow: inset 0 -2px 0 rgba(217, 160, 0, 0.85);
  border-radius: 2px;
  cursor: help;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
${MARK_SELECTOR}:hover, ${MARK_SELECTOR}[data-parallax-active] {
  background-color: rgba(250, 204, 21, 0.45);
}
${MARK_SELECTOR}:focus-visible {
  outline: 2px solid #2563eb;
  outline-offset: 1px;
}
@media (forced-colors: active) {
  ${MARK_SELECTOR} { background-color: Mark; color: MarkText; }
}
`;

function wrap(seg: Segment, index: number): HTMLElement {
  const origin = originOf(seg.node);
  let target = seg.node;
  if (seg.start > 0) {
    target = target.splitText(seg.start);
    origins.set(target, origin);
  }
  if (seg.end - seg.start < target.length) {
    const tail = target.splitText(seg.end - seg.start);
    origins.set(tail, origin);
  }
  const doc = target.ownerDocument;
  const mark = doc.createElement(MARK_TAG);
  mark.setAttribute(INDEX_ATTR, String(index));
  mark.setAttribute('role', 'mark');
  target.parentNode?.insertBefore(mark, target);
  mark.appendChild(target);
  return mark;
}
