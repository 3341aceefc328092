import { anchorSentences } from '../dom/anchor';
import {
  highlightRanges,
  installMarkStyle,
  removeMarks,
  uninstallMarkStyle,
  INDEX_ATTR,
  MARK_STYLE_ID,
  MARK_TAG,
} from '../dom/highlight';
import type { MarkedSentence, PageAnnotation } from '../types';
import { CARD_TAG, createCardHost } from './card-host';
import type { Box } from './place-card';

export { watchNavigation } from './watch-navigation';

export interface AnnotatorOptions {
  /** Called when the card opens for the sentence of this index. */
  onOpen?(index: number): void;
}

export interface Annotator {
  /** Replaces what is marked (the background matched more, or the page changed). */
  refresh(annotation: PageAnnotation): void;
  /** Removes the marks, the card, the listeners and the observer: the page is as it was. */
  destroy(): void;
}

/** A pointer passing over a mark on its way elsewhere should not pop a card. */
const HOVER_DELAY_MS = 250;
/** Time to cross the gap between the sentence and the card. */
const CLOSE_DELAY_MS = 300;
/** Pages re-render in bursts; re-anchor once they have settled. */
const REANCHOR_DELAY_MS = 250;
/** Looks for sentences that were not on the page yet, at most this many times per annotation. */
const MAX_LOOKS_FOR_MORE = 20;
const ACTIVE_ATTR = 'data-parallax-active';

export function describeMark(sentence: MarkedSentence | undefined): string {
  const n = sentence?.reports.length ?? 0;
  return `reported by ${n} other ${n === 1 ? 'outlet' : 'outlets'}; press Enter to compare`;
}

/**
 * Marks the annotated sentences in `doc` and opens a card beside a sentence
 * when it is hovered or focused. Keeps the marks through re-renders of the
 * article and leaves nothing behind on `destroy()`.
 */
export function createAnnotator(doc: Document, annotation: PageAnnotation, options: AnnotatorOptions = {}): Annotator {
  const win = doc.defaultView;
  let current = annotation;
  let byIndex = indexSentences(annotation);
  let marks = new Map<number, HTMLElement[]>();
  let openIndex: number | null = null;
  let destroyed = false;
  let returningFocus = false;
  const timers = { open: 0, close: 0, reanchor: 0 };

  const clearTimer = (name: keyof typeof timers): void => {
    if (timers[name]) win?.clearTimeout(timers[name]);
    timers[name] = 0;
  };
  const setTimer = (name: keyof typeof timers, ms: number, fn: () => void): void => {
    clearTimer(name);
    if (win) timers[name] = win.setTimeout(fn, ms);
  };

  const card = createCardHost(doc, {
    onClose: () => closeCard(true),
    onPointerEnter: () => clearTimer('close'),
    onPointerLeave: () => setTimer('close', CLOSE_DELAY_MS, () => closeCard(false)),
  });

  const observer = win ? new win.MutationObserver((records) => onMutations(records)) : null;
  const observe = (): void => {
    observer?.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  };

  // Our own edits happen with the observer off, so it only ever reports the page's.
  const apply = (): void => {
    observer?.disconnect();
    removeMarks(doc);
    installMarkStyle(doc);
    const ranges = anchorSentences(doc, current.marked);
    marks = highlightRanges(ranges, (i) => describeMark(byIndex.get(i)));
    if (openIndex !== null && !marks.has(openIndex)) closeCard(false);
    observe();
  };

  // Whether the page added nodes with text since the last check, and how many
  // times unmarked sentences were looked for again: a page with a ticker or
  // rotating ads mutates forever, and each look reads the whole page's text.
  let textArrived = false;
  let lookedAgain = 0;
  const onMutations = (records: MutationRecord[]): void => {
    const fromPage = records.filter((r) => !isOwnRecord(r));
    if (destroyed || fromPage.length === 0) return;
    textArrived ||= fromPage.some((r) => [...r.addedNodes].some((n) => Boolean(n.textContent?.trim())));
    setTimer('reanchor', REANCHOR_DELAY_MS, () => {
      if (destroyed) return;
      const lost = [...marks.values()].some((list) => list.some((m) => !m.isConnected));
      const look = !lost && textArrived && marks.size < current.marked.length && lookedAgain < MAX_LOOKS_FOR_MORE;
      textArrived = false;
      if (look) lookedAgain++;
      // Re-mark for newly arrived text only when it holds more of our sentences (reading is cheap, re-marking is not).
      const more = look && anchorSentences(doc, current.marked).size > marks.size;
      if (lost || more) apply();
    });
  };

  const firstMark = (index: number): HTMLElement | undefined => marks.get(index)?.[0];

  const anchorBox = (index: number): Box => {
    const rects = (marks.get(index) ?? []).map((m) => m.getBoundingClientRect());
    if (rects.length === 0) return { top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0 };
    const top = Math.min(...rects.map((r) => r.top));
    const left = Math.min(...rects.map((r) => r.left));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const right = Math.max(...rects.map((r) => r.right));
    return { top, left, bottom, right, width: right - left, height: bottom - top };
  };

  const setActive = (index: number | null, on: boolean): void => {
    if (index === null) return;
    for (const m of marks.get(index) ?? []) {
      if (on) m.setAttribute(ACTIVE_ATTR, '');
      else m.removeAttribute(ACTIVE_ATTR);
    }
  };

  const openCard = (index: number): void => {
    clearTimer('open');
    clearTimer('close');
    const sentence = byIndex.get(index);
    if (destroyed || !sentence || !marks.has(index)) return;
    if (openIndex === index) return;
    setActive(openIndex, false);
    openIndex = index;
    setActive(index, true);
    card.open(sentence, anchorBox(index));
    options.onOpen?.(index);
  };

  function closeCard(returnFocus: boolean): void {
    clearTimer('open');
    clearTimer('close');
    if (openIndex === null) return;
    const index = openIndex;
    openIndex = null;
    setActive(index, false);
    card.close();
    if (!returnFocus) return;
    // Focus coming back from the card must not reopen it.
    returningFocus = true;
    firstMark(index)?.focus();
    returningFocus = false;
  }

  const onMouseOver = (e: Event): void => {
    if (card.contains(e.target as Node)) return clearTimer('close');
    const index = markIndex(e.target);
    if (index === null) return;
    clearTimer('close');
    if (index !== openIndex) setTimer('open', HOVER_DELAY_MS, () => openCard(index));
  };

  const onMouseOut = (e: Event): void => {
    const index = markIndex(e.target);
    if (index === null) return;
    const to = (e as MouseEvent).relatedTarget;
    if (markIndex(to) === index || card.contains(to as Node | null)) return;
    clearTimer('open');
    if (openIndex !== null) setTimer('close', CLOSE_DELAY_MS, () => closeCard(false));
  };

  const onFocusIn = (e: Event): void => {
    if (card.contains(e.target as Node)) return clearTimer('close');
    const index = markIndex(e.target);
    if (index !== null && !returningFocus) openCard(index);
  };

  const onFocusOut = (e: Event): void => {
    if (openIndex === null) return;
    const to = (e as FocusEvent).relatedTarget as Node | null;
    if (card.contains(to) || markIndex(to) === openIndex) return;
    setTimer('close', CLOSE_DELAY_MS, () => closeCard(false));
  };

  const onKeyDown = (e: Event): void => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Escape' && openIndex !== null) {
      e.preventDefault();
      closeCard(true);
      return;
    }
    if (key !== 'Enter' && key !== ' ') return;
    const index = markIndex(e.target);
    if (index === null) return;
    e.preventDefault();
    openCard(index);
    card.focus();
  };

  const onViewportChange = (): void => {
    if (openIndex !== null) card.place(anchorBox(openIndex));
  };

  const listeners: [EventTarget | null, string, (e: Event) => void, AddEventListenerOptions][] = [
    [doc, 'mouseover', onMouseOver, {}],
    [doc, 'mouseout', onMouseOut, {}],
    [doc, 'focusin', onFocusIn, {}],
    [doc, 'focusout', onFocusOut, {}],
    [doc, 'keydown', onKeyDown, {}],
    [win, 'scroll', onViewportChange, { capture: true, passive: true }],
    [win, 'resize', onViewportChange, { passive: true }],
  ];
  for (const [target, type, fn, opts] of listeners) target?.addEventListener(type, fn, opts);

  apply();

  return {
    refresh(next) {
      if (destroyed) return;
      closeCard(false);
      current = next;
      byIndex = indexSentences(next);
      apply();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const name of Object.keys(timers) as (keyof typeof timers)[]) clearTimer(name);
      observer?.disconnect();
      for (const [target, type, fn, opts] of listeners) target?.removeEventListener(type, fn, opts);
      openIndex = null;
      card.destroy();
      removeMarks(doc);
      uninstallMarkStyle(doc);
      marks = new Map();
    },
  };
}

function indexSentences(annotation: PageAnnotation): Map<number, MarkedSentence> {
  return new Map(annotation.marked.map((s) => [s.index, s]));
}

/** The sentence index of the mark an event target is in, or null. */
function markIndex(target: EventTarget | null): number | null {
  const node = target as Node | null;
  if (!node || typeof node.nodeType !== 'number') return null;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const mark = el?.closest(`${MARK_TAG}[${INDEX_ATTR}]`);
  if (!mark) return null;
  const index = Number(mark.getAttribute(INDEX_ATTR));
  return Number.isInteger(index) ? index : null;
}

/** Whether a mutation only added or removed our own furniture (the card host, the mark style). */
function isOwnRecord(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => isOwnNode(n));
}

// Marks are not in this list: a page removing them is exactly what calls for re-anchoring.
function isOwnNode(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.tagName.toLowerCase() === CARD_TAG || el.id === MARK_STYLE_ID;
}
