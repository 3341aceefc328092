import { anchorSteps } from '../dom/anchor';
import { runSliced, runToEnd, type Steps } from '../dom/time-slice';
import { markSteps, installMarkStyle, removeMarks, uninstallMarkStyle, MARK_SELECTOR, MARK_STYLE_ID } from '../dom/highlight';
import type { MarkedSentence, PageAnnotation } from '../types';
import { createCardHost, type CardRenderer, type TabDirection } from './card-host';
import { CLOSE_DELAY_MS, HOVER_DELAY_MS, MAX_LOOKS_FOR_MORE, REANCHOR_DELAY_MS } from './config';
import type { Box } from './place-card';

export { watchNavigation } from './watch-navigation';

export interface AnnotatorOptions {
  /** Draws the card's content (the extension passes the Preact card). */
  renderer: CardRenderer;
  /**
   * Whether an event comes from the reader rather than from the page's
   * scripts. By default: `event.isTrusted`, and for focus, only focus that
   * Tab (or Shift+Tab) moved, since a page's own `focus()` call also fires
   * trusted focus events. Tests of the DOM alone, whose events are all
   * synthetic, pass their own.
   */
  fromReader?(event: Event): boolean;
  /**
   * Mark in slices of this many milliseconds, giving the page its turn in
   * between (the content script passes lib/extension/config.ts
   * SLICE_BUDGET_MS). Without it, marking and re-marking run in one go.
   */
  sliceBudgetMs?: number;
}

export interface Annotator {
  /** Removes the marks, the card, the listeners and the observer: the page is as it was. */
  destroy(): void;
  /**
   * The open card's closed shadow root, or null: for the extension's own
   * tests. This object lives in the content script's world, out of the
   * page's reach.
   */
  cardRoot(): ShadowRoot | null;
}

const ACTIVE_ATTR = 'data-parallax-active';

/**
 * Marks the annotated sentences in `doc` and opens a card beside a sentence
 * when the reader hovers it, tabs to it or presses Enter on it. Keeps the
 * marks through re-renders of the article and leaves nothing behind on
 * `destroy()`.
 *
 * The page must learn nothing of what the reader stored from other sites:
 * marks carry no counts or names, the card lives in a closed shadow root, and
 * only the reader's own input (trusted events) opens it.
 */
export function createAnnotator(doc: Document, annotation: PageAnnotation, options: AnnotatorOptions): Annotator {
  const win = doc.defaultView;
  const current = annotation;
  const byIndex = indexSentences(annotation);
  let marks = new Map<number, HTMLElement[]>();
  // Which element is which sentence's mark: ours only, never a look-alike the page made.
  let markIndexOf = new WeakMap<Element, number>();
  let openIndex: number | null = null;
  let destroyed = false;
  let returningFocus = false;
  // Set by the reader's Tab key until the focus it moves has landed.
  let tabbing = false;
  const timers = { open: 0, close: 0, reanchor: 0, tab: 0 };
  const fromReader = options.fromReader ?? ((e: Event): boolean => e.isTrusted && (e.type !== 'focusin' || tabbing));

  const clearTimer = (name: keyof typeof timers): void => {
    if (timers[name]) win?.clearTimeout(timers[name]);
    timers[name] = 0;
  };
  const setTimer = (name: keyof typeof timers, ms: number, fn: () => void): void => {
    clearTimer(name);
    if (win) timers[name] = win.setTimeout(fn, ms);
  };

  const card = createCardHost(doc, {
    renderer: options.renderer,
    onClose: () => closeCard(true),
    // Reaching the card settles it: a mark crossed on the way there opens nothing.
    onPointerEnter: () => {
      clearTimer('close');
      clearTimer('open');
    },
    onPointerLeave: () => setTimer('close', CLOSE_DELAY_MS, () => closeCard(false)),
    onTabOut: (direction) => tabOut(direction),
  });

  // Our own furniture: the card's host and the marks' style. Marks are not
  // in this list: a page removing them is exactly what calls for re-anchoring.
  const isOwn = (node: Node): boolean => card.contains(node) || (node.nodeType === 1 && (node as Element).id === MARK_STYLE_ID);

  const observer = win ? new win.MutationObserver((records) => onMutations(records)) : null;
  const observe = (): void => {
    observer?.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  };

  // Our own edits happen with the observer off, so it only ever reports the page's. Sliced, it is on while
  // the page has its turn between slices, and a sentence whose text changed meanwhile is left for a new look.
  let working = 0;
  let busy = false;
  let staleMarks = false;
  function* applySteps(): Steps<void> {
    observer?.disconnect();
    removeMarks(doc);
    installMarkStyle(doc);
    marks = new Map();
    markIndexOf = new WeakMap();
    yield;
    const spans = yield* anchorSteps(doc, current.marked);
    const made = yield* markSteps(spans.values());
    marks = made.marks;
    for (const [index, list] of marks) for (const m of list) markIndexOf.set(m, index);
    if (openIndex !== null && !marks.has(openIndex)) closeCard(false);
    observe();
    staleMarks = made.stale > 0;
    if (staleMarks) scheduleCheck();
  }
  /** Runs work on the page: in one go, or in slices when asked, the latest run alone going on. */
  const run = <T>(steps: Steps<T>, then: (value: T) => void, quiet: boolean): void => {
    const mine = ++working;
    if (options.sliceBudgetMs === undefined) return then(runToEnd(steps));
    busy = true;
    void runSliced(steps, {
      budgetMs: options.sliceBudgetMs,
      cancelled: () => destroyed || mine !== working,
      onPause: quiet ? observe : undefined,
      onResume: quiet ? () => observer?.disconnect() : undefined,
    }).then(
      (value) => {
        if (mine !== working || destroyed) return;
        busy = false;
        then(value as T);
      },
      (error: unknown) => {
        // A step that failed leaves the page as it is, watched again, and the next run free to start.
        if (mine !== working || destroyed) return;
        busy = false;
        observe();
        console.warn('Parallax: marking the page failed', error);
      },
    );
  };
  const apply = (): void => run(applySteps(), () => undefined, true);

  // Whether the page added nodes with text since the last check, and how many
  // times unmarked sentences were looked for again: a page with a ticker or
  // rotating ads mutates forever, and each look reads the whole page's text.
  let textArrived = false;
  let lookedAgain = 0;
  const onMutations = (records: MutationRecord[]): void => {
    const fromPage = records.filter((r) => !isOwnRecord(r, isOwn));
    if (destroyed || fromPage.length === 0) return;
    textArrived ||= fromPage.some((r) => [...r.addedNodes].some((n) => Boolean(n.textContent?.trim())));
    scheduleCheck();
  };
  function scheduleCheck(): void {
    setTimer('reanchor', REANCHOR_DELAY_MS, () => {
      if (destroyed) return;
      if (busy) return scheduleCheck();
      const lost = [...marks.values()].some((list) => list.some((m) => !m.isConnected)) || (staleMarks && lookedAgain < MAX_LOOKS_FOR_MORE);
      const look = !lost && textArrived && marks.size < current.marked.length && lookedAgain < MAX_LOOKS_FOR_MORE;
      textArrived = false;
      if (look || staleMarks) lookedAgain++;
      staleMarks = false;
      if (lost) return apply();
      // Re-mark for newly arrived text only when it holds more of our sentences (reading is cheap, re-marking is not).
      if (look) run(anchorSteps(doc, current.marked), (found) => found.size > marks.size && apply(), false);
    });
  }

  const firstMark = (index: number): HTMLElement | undefined => marks.get(index)?.[0];

  /** The sentence index of our mark that an event target is in, or null. */
  const markIndex = (target: EventTarget | null): number | null => {
    const node = target as Node | null;
    if (!node || typeof node.nodeType !== 'number') return null;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const mark = el?.closest(MARK_SELECTOR);
    return mark ? (markIndexOf.get(mark) ?? null) : null;
  };

  /** The marked sentence after `index` in reading order, or null. */
  const nextIndex = (index: number): number | null => {
    const order = [...marks.keys()];
    const at = order.indexOf(index);
    return at >= 0 && at + 1 < order.length ? (order[at + 1] as number) : null;
  };

  const anchorBox = (index: number): Box => {
    const rects = (marks.get(index) ?? []).map((m) => m.getBoundingClientRect());
    if (rects.length === 0) return { top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0 };
    const top = Math.min(...rects.map((r) => r.top));
    const left = Math.min(...rects.map((r) => r.left));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const right = Math.max(...rects.map((r) => r.right));
    return { top, left, bottom, right, width: right - left, height: bottom - top };
  };

  /** What the card must leave uncovered besides its own sentence, when it can: the next marked one, read next. */
  const avoidFor = (index: number): Box[] => {
    const next = nextIndex(index);
    return next === null ? [] : [anchorBox(next)];
  };

  /** What it had better leave uncovered too: the other marked sentences in view. */
  const spareFor = (index: number): Box[] => {
    const height = win?.innerHeight ?? 0;
    const next = nextIndex(index);
    return [...marks.keys()]
      .filter((i) => i !== index && i !== next)
      .map((i) => anchorBox(i))
      .filter((b) => b.bottom > 0 && b.top < height);
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
    card.open(sentence, anchorBox(index), avoidFor(index), spareFor(index));
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
    focusMark(index);
  }

  // Focus we move ourselves does not open a card by itself.
  function focusMark(index: number): void {
    returningFocus = true;
    firstMark(index)?.focus();
    returningFocus = false;
  }

  // Tab past the card's last link goes on to the next marked sentence (its
  // card opens there); Shift+Tab before the card's first control goes back to
  // the sentence, the card staying open. After the last sentence, Tab leaves
  // from the sentence for whatever the page has next.
  function tabOut(direction: TabDirection): boolean {
    if (openIndex === null) return false;
    const index = openIndex;
    if (direction === 'back') {
      focusMark(index);
      return true;
    }
    const next = nextIndex(index);
    if (next === null) {
      focusMark(index);
      closeCard(false);
      return false;
    }
    focusMark(next);
    openCard(next);
    return true;
  }

  const onMouseOver = (e: Event): void => {
    if (!fromReader(e)) return;
    if (card.contains(e.target as Node)) {
      clearTimer('open');
      return clearTimer('close');
    }
    const index = markIndex(e.target);
    if (index === null) return;
    clearTimer('close');
    if (index !== openIndex) setTimer('open', HOVER_DELAY_MS, () => openCard(index));
  };

  const onMouseOut = (e: Event): void => {
    if (!fromReader(e)) return;
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
    if (index !== null && !returningFocus && fromReader(e)) openCard(index);
  };

  const onFocusOut = (e: Event): void => {
    if (openIndex === null || !fromReader(e)) return;
    const to = (e as FocusEvent).relatedTarget as Node | null;
    if (card.contains(to) || markIndex(to) === openIndex) return;
    setTimer('close', CLOSE_DELAY_MS, () => closeCard(false));
  };

  // Watches the reader's Tab before the page's listeners can stop it; the
  // focus it moves lands before the next task, which clears the flag.
  const onKeyDownFirst = (e: Event): void => {
    if (!e.isTrusted || (e as KeyboardEvent).key !== 'Tab') return;
    tabbing = true;
    setTimer('tab', 0, () => {
      tabbing = false;
    });
  };

  const onKeyDown = (e: Event): void => {
    if (!fromReader(e)) return;
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

  // Assistive technology activating a mark (a screen reader's Enter in
  // browse mode) sends a click with no mouse behind it (detail 0).
  const onClick = (e: Event): void => {
    if (!fromReader(e) || (e as MouseEvent).detail !== 0) return;
    const index = markIndex(e.target);
    if (index === null) return;
    openCard(index);
    card.focus();
  };

  const onViewportChange = (): void => {
    if (openIndex !== null) card.place(anchorBox(openIndex), avoidFor(openIndex), spareFor(openIndex));
  };

  const listeners: [EventTarget | null, string, (e: Event) => void, AddEventListenerOptions][] = [
    [doc, 'mouseover', onMouseOver, {}],
    [doc, 'mouseout', onMouseOut, {}],
    [doc, 'focusin', onFocusIn, {}],
    [doc, 'focusout', onFocusOut, {}],
    [doc, 'keydown', onKeyDown, {}],
    [win, 'keydown', onKeyDownFirst, { capture: true }],
    [doc, 'click', onClick, {}],
    [win, 'scroll', onViewportChange, { capture: true, passive: true }],
    [win, 'resize', onViewportChange, { passive: true }],
  ];
  for (const [target, type, fn, opts] of listeners) target?.addEventListener(type, fn, opts);

  apply();

  return {
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
      markIndexOf = new WeakMap();
    },
    cardRoot() {
      return openIndex === null ? null : card.root();
    },
  };
}

function indexSentences(annotation: PageAnnotation): Map<number, MarkedSentence> {
  return new Map(annotation.marked.map((s) => [s.index, s]));
}

/** Whether a mutation only added or removed our own furniture (the card host, the mark style). */
function isOwnRecord(record: MutationRecord, isOwn: (node: Node) => boolean): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => isOwn(n));
}
