// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createAnnotator, type Annotator } from '../../lib/annotator/annotator';
import { ANNOTATION, ARTICLE_HTML } from './sample-annotation';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const marksOf = (index: number): HTMLElement[] =>
  Array.from(document.querySelectorAll<HTMLElement>(`parallax-mark[data-parallax-index="${index}"]`));
const markedText = (index: number): string => marksOf(index).map((m) => m.textContent).join('').replace(/\s+/g, ' ');
const cardRoot = (): HTMLElement | null =>
  document.querySelector('parallax-card')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
const key = (target: EventTarget, k: string): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
};

let annotator: Annotator | null = null;
let pristine = '';

beforeEach(() => {
  document.head.innerHTML = '<title>Story</title>';
  document.body.innerHTML = ARTICLE_HTML;
  pristine = document.documentElement.innerHTML;
});

afterEach(() => {
  annotator?.destroy();
  annotator = null;
});

describe('createAnnotator', () => {
  test('marks the sentences it finds in the page and skips the others', () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    expect(markedText(1)).toContain('sovereign decision ordering our departure');
    expect(markedText(3)).toBe('About 5,200 U.S. troops are stationed in the country.');
    expect(marksOf(9)).toHaveLength(0);
    expect(marksOf(1)[0]?.getAttribute('aria-description')).toMatch(/reported by 2 other outlets/);
  });

  test('destroy() leaves the page exactly as it was', () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    marksOf(3)[0]?.focus();
    expect(cardRoot()).not.toBeNull();
    annotator.destroy();
    expect(document.documentElement.innerHTML).toBe(pristine);
  });

  test('re-anchors after the page replaces its article with a re-rendered copy', async () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    const old = document.getElementById('story') as HTMLElement;
    const fresh = document.createElement('article');
    fresh.id = 'story';
    // What a framework re-render produces: the same markup, new nodes, none of our marks.
    fresh.innerHTML = ARTICLE_HTML.match(/<article id="story">([\s\S]*)<\/article>/)?.[1] ?? '';
    old.replaceWith(fresh);
    expect(marksOf(1)).toHaveLength(0);
    await wait(400);
    expect(marksOf(1).length).toBeGreaterThan(0);
    expect(fresh.contains(marksOf(3)[0] ?? null)).toBe(true);
  });

  test('its own marking does not keep the observer busy', async () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    const first = marksOf(3)[0];
    await wait(400);
    expect(marksOf(3)[0]).toBe(first);
  });

  test('refresh() marks a new set of sentences', () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    annotator.refresh({ ...ANNOTATION, marked: ANNOTATION.marked.filter((s) => s.index === 3) });
    expect(marksOf(1)).toHaveLength(0);
    expect(marksOf(3).length).toBeGreaterThan(0);
  });
});

describe('the card', () => {
  test('opens when a mark takes focus, listing the outlets and their differences', () => {
    const opened: number[] = [];
    annotator = createAnnotator(document, ANNOTATION, { onOpen: (i) => opened.push(i) });
    marksOf(1)[0]?.focus();
    const root = cardRoot();
    expect(root?.getAttribute('aria-label')).toBeTruthy();
    expect(opened).toEqual([1]);
    const outlets = Array.from(root?.querySelectorAll('.px-outlet') ?? []).map((e) => e.textContent);
    expect(outlets).toEqual(['The Daily Ledger', 'Wire Service']);
    expect(root?.textContent).toContain('also carried by Metro Post and Evening Star');
    expect(root?.textContent).toContain('quotation worded differently');
    const changed = Array.from(root?.querySelectorAll('.px-changed') ?? []).map((e) => e.textContent);
    expect(changed).toEqual(expect.arrayContaining(['sovereign', 'ordering', 'sovereignty', 'to order']));
    const link = root?.querySelector('a.px-open');
    expect(link?.getAttribute('href')).toBe(ANNOTATION.marked[0]?.reports[0]?.fragmentUrl);
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(document.querySelectorAll('parallax-card')).toHaveLength(1);
  });

  test('keeps its styles, light and dark, inside an open shadow root', () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    marksOf(3)[0]?.focus();
    const shadow = document.querySelector('parallax-card')?.shadowRoot;
    expect(shadow?.mode).toBe('open');
    expect(shadow?.querySelector('style')?.textContent).toContain('prefers-color-scheme: dark');
    expect(document.head.querySelectorAll('style')).toHaveLength(1);
  });

  test('one card per page: focusing another sentence moves the card to it', () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    marksOf(1)[0]?.focus();
    marksOf(3)[0]?.focus();
    expect(document.querySelectorAll('parallax-card')).toHaveLength(1);
    expect(cardRoot()?.textContent).toContain('Some 5,000 American troops are in Iraq.');
  });

  test('Escape closes it and returns focus to the mark', () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    const mark = marksOf(3)[0] as HTMLElement;
    mark.focus();
    expect(cardRoot()).not.toBeNull();
    key(mark, 'Escape');
    expect(cardRoot()).toBeNull();
    expect(document.activeElement).toBe(mark);
  });

  test('Enter on a mark moves focus into the card; Escape inside it brings focus back', () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    const mark = marksOf(1)[0] as HTMLElement;
    mark.focus();
    key(mark, 'Enter');
    const host = document.querySelector('parallax-card') as HTMLElement;
    expect(host.shadowRoot?.activeElement).toBe(cardRoot());
    key(cardRoot() as HTMLElement, 'Escape');
    expect(cardRoot()).toBeNull();
    expect(document.activeElement).toBe(mark);
  });

  test('opens after a short hover and stays open while the pointer is over the card', async () => {
    annotator = createAnnotator(document, ANNOTATION, {});
    const mark = marksOf(3)[0] as HTMLElement;
    mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(cardRoot()).toBeNull();
    await wait(350);
    expect(cardRoot()).not.toBeNull();
    const host = document.querySelector('parallax-card') as HTMLElement;
    mark.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: host }));
    host.dispatchEvent(new MouseEvent('mouseenter'));
    await wait(450);
    expect(cardRoot()).not.toBeNull();
    host.dispatchEvent(new MouseEvent('mouseleave'));
    await wait(450);
    expect(cardRoot()).toBeNull();
  });
});
