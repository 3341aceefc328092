// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cardRenderer } from '../../components/card/render-card';
import { createAnnotator, type Annotator } from '../../lib/annotator/annotator';
import { ANNOTATION, ARTICLE_HTML } from './sample-annotation';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const marksOf = (index: number): HTMLElement[] =>
  Array.from(document.querySelectorAll<HTMLElement>(`mark[data-parallax-index="${index}"]`));
// Events made here are synthetic (untrusted); the DOM tests speak for the reader.
const reader = { fromReader: (): boolean => true, renderer: cardRenderer };
/** The card's host: the only element we add outside the body. */
const hosts = (): Element[] => Array.from(document.documentElement.children).filter((e) => e !== document.head && e !== document.body);
const markedText = (index: number): string =>
  marksOf(index)
    .map((m) => m.textContent)
    .join('')
    .replace(/\s+/g, ' ');
const cardRoot = (): HTMLElement | null => annotator?.cardRoot()?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
const key = (target: EventTarget, k: string, shiftKey = false): KeyboardEvent => {
  const event = new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
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
    annotator = createAnnotator(document, ANNOTATION, reader);
    expect(markedText(1)).toContain('sovereign decision ordering our departure');
    expect(markedText(3)).toBe('About 5,200 U.S. troops are stationed in the country.');
    expect(marksOf(9)).toHaveLength(0);
    expect(marksOf(1)[0]?.getAttribute('aria-description')).toMatch(/reported elsewhere/);
  });

  test('destroy() leaves the page exactly as it was', () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    marksOf(3)[0]?.focus();
    expect(cardRoot()).not.toBeNull();
    annotator.destroy();
    expect(document.documentElement.innerHTML).toBe(pristine);
  });

  test('re-anchors after the page replaces its article with a re-rendered copy', async () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
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
    annotator = createAnnotator(document, ANNOTATION, reader);
    const first = marksOf(3)[0];
    await wait(400);
    expect(marksOf(3)[0]).toBe(first);
  });
});

describe('the card', () => {
  test('opens when a mark takes focus, listing the outlets and their differences', () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    marksOf(1)[0]?.focus();
    const root = cardRoot();
    expect(root?.getAttribute('aria-label')).toBeTruthy();
    const outlets = Array.from(root?.querySelectorAll('.px-outlet') ?? []).map((e) => e.textContent);
    expect(outlets).toEqual(['The Daily Ledger', 'Wire Service']);
    expect(root?.textContent).toContain('also carried by Metro Post and Evening Star');
    expect(root?.textContent).toContain('quotation worded differently');
    const changed = Array.from(root?.querySelectorAll('.px-changed') ?? []).map((e) => e.textContent);
    expect(changed).toEqual(expect.arrayContaining(['sovereign', 'ordering', 'sovereignty', 'to order']));
    const link = root?.querySelector('a.px-open');
    expect(link?.getAttribute('href')).toBe(ANNOTATION.marked[0]?.reports[0]?.fragmentUrl);
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(hosts()).toHaveLength(1);
  });

  test('keeps its styles, light and dark, inside a closed shadow root on a plain element', () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    marksOf(3)[0]?.focus();
    const shadow = annotator.cardRoot();
    expect(shadow?.mode).toBe('closed');
    expect(shadow?.querySelector('style')?.textContent).toContain('prefers-color-scheme: dark');
    expect(document.head.querySelectorAll('style')).toHaveLength(1);
    const [host] = hosts();
    expect(host?.tagName).toBe('DIV');
    expect(host?.shadowRoot).toBeNull();
    expect(host?.attributes).toHaveLength(0);
    expect(host?.textContent).toBe('');
  });

  test('one card per page: focusing another sentence moves the card to it', () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    marksOf(1)[0]?.focus();
    marksOf(3)[0]?.focus();
    expect(hosts()).toHaveLength(1);
    expect(cardRoot()?.textContent).toContain('Some 5,000 American troops are in Iraq.');
  });

  test('Escape closes it and returns focus to the mark', () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    const mark = marksOf(3)[0] as HTMLElement;
    mark.focus();
    expect(cardRoot()).not.toBeNull();
    key(mark, 'Escape');
    expect(cardRoot()).toBeNull();
    expect(document.activeElement).toBe(mark);
  });

  test('Enter on a mark moves focus into the card; Escape inside it brings focus back', () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    const mark = marksOf(1)[0] as HTMLElement;
    mark.focus();
    key(mark, 'Enter');
    expect(annotator.cardRoot()?.activeElement).toBe(cardRoot());
    key(cardRoot() as HTMLElement, 'Escape');
    expect(cardRoot()).toBeNull();
    expect(document.activeElement).toBe(mark);
  });

  test('opens after a short hover and stays open while the pointer is over the card', async () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    const mark = marksOf(3)[0] as HTMLElement;
    mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(cardRoot()).toBeNull();
    await wait(350);
    expect(cardRoot()).not.toBeNull();
    const host = hosts()[0] as HTMLElement;
    mark.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: host }));
    host.dispatchEvent(new MouseEvent('mouseenter'));
    await wait(450);
    expect(cardRoot()).not.toBeNull();
    host.dispatchEvent(new MouseEvent('mouseleave'));
    await wait(450);
    expect(cardRoot()).toBeNull();
  });

  test('Tab from its last link goes to the next marked sentence, Shift+Tab from its first control back to this one', () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    const mark = marksOf(1)[0] as HTMLElement;
    mark.focus();
    key(mark, 'Enter');
    const root = annotator.cardRoot() as ShadowRoot;
    const links = Array.from(root.querySelectorAll<HTMLElement>('a[href]'));
    const last = links[links.length - 1] as HTMLElement;
    last.focus();
    expect(key(last, 'Tab').defaultPrevented).toBe(true);
    const next = marksOf(3)[0] as HTMLElement;
    expect(document.activeElement).toBe(next);
    expect(cardRoot()?.textContent).toContain('Some 5,000 American troops are in Iraq.');

    key(next, 'Enter');
    const close = annotator.cardRoot()?.querySelector<HTMLElement>('button') as HTMLElement;
    close.focus();
    expect(key(close, 'Tab', true).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(next);
    expect(cardRoot()).not.toBeNull();
  });

  test('Tab from the last link of the last sentence leaves from that sentence, the card closed', () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    const order = [...document.querySelectorAll<HTMLElement>('mark[data-parallax-index][tabindex="0"]')];
    const lastMark = order[order.length - 1] as HTMLElement;
    lastMark.focus();
    key(lastMark, 'Enter');
    const links = Array.from(annotator.cardRoot()?.querySelectorAll<HTMLElement>('a[href]') ?? []);
    const last = links[links.length - 1] as HTMLElement;
    last.focus();
    // Not prevented: the browser moves on from the sentence to whatever follows it.
    expect(key(last, 'Tab').defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(lastMark);
    expect(cardRoot()).toBeNull();
  });
});

describe("the page's own events", () => {
  test('open no card: synthetic hover, focus, keys and clicks are not the reader', async () => {
    annotator = createAnnotator(document, ANNOTATION, { renderer: cardRenderer });
    const mark = marksOf(3)[0] as HTMLElement;
    mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    mark.focus();
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    key(mark, 'Enter');
    key(mark, ' ');
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
    await wait(350);
    expect(annotator.cardRoot()).toBeNull();
    expect(hosts()).toHaveLength(0);
  });

  test('a look-alike mark the page made is not taken for one of ours', () => {
    annotator = createAnnotator(document, ANNOTATION, reader);
    const fake = document.createElement('mark');
    fake.setAttribute('data-parallax-index', '1');
    fake.setAttribute('tabindex', '0');
    fake.textContent = 'bait';
    document.body.append(fake);
    fake.focus();
    expect(annotator.cardRoot()).toBeNull();
  });
});
