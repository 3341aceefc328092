// @vitest-environment happy-dom
/**
 * Work run in time slices gives what the same steps give in one go, and
 * marking in slices stays right when the page changes between slices.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cardRenderer } from '../../components/card/render-card';
import { DEMO_ARTICLES, demoPageFile } from '../../demo/corpus';
import { createAnnotator, type Annotator } from '../../lib/annotator/annotator';
import { extractArticle, extractSteps } from '../../lib/extract/extract';
import { collapsedLength, collapsedTextLength } from '../../lib/extract/furniture';
import { runSliced, runToEnd, type Steps } from '../../lib/dom/time-slice';
import { anchorSteps } from '../../lib/dom/anchor';
import { markSteps, removeMarks } from '../../lib/dom/highlight';
import { ANNOTATION, ARTICLE_HTML } from '../annotator/sample-annotation';
import { seeded } from '../../scripts/lib/random';

const SITES = path.resolve(import.meta.dirname, '../../demo/sites');

function* counted(n: number, log: number[]): Steps<number> {
  for (let i = 0; i < n; i++) {
    log.push(i);
    yield;
  }
  return n;
}

/** Up to `most` - 1 pieces drawn with `next`, joined. */
function randomText(next: () => number, pieces: readonly string[], most: number): string {
  let text = '';
  const length = Math.floor(next() * most);
  for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
  return text;
}

/** A page clock that shows virtual time rounded down to `ms`. */
const byTicksOf =
  (ms: number) =>
  (now: number): number =>
    Math.floor(now / ms) * ms;

/**
 * Runs steps costing `costs` ms of virtual time each, sliced at a 15 ms budget, with the page's clock
 * reading `clock(virtual time)`; gives how much virtual time each slice took.
 */
async function sliceLengths(clock: (now: number) => number, costs: readonly number[]): Promise<number[]> {
  let now = 0;
  const spy = vi.spyOn(performance, 'now').mockImplementation(() => clock(now));
  try {
    function* work(): Steps<number> {
      for (const c of costs) {
        now += c;
        yield;
      }
      return costs.length;
    }
    const slices: number[] = [];
    let from = 0;
    const done = await runSliced(work(), {
      budgetMs: 15,
      onPause: () => {
        slices.push(now - from);
        from = now;
      },
    });
    expect(done).toBe(costs.length);
    return slices;
  } finally {
    spy.mockRestore();
  }
}

describe('the drivers', () => {
  test('runToEnd and runSliced run the same steps to the same result; a budget of 0 pauses after every step', async () => {
    const once: number[] = [];
    const sliced: number[] = [];
    let pauses = 0;
    expect(runToEnd(counted(5, once))).toBe(5);
    expect(await runSliced(counted(5, sliced), { budgetMs: 0, onPause: () => pauses++ })).toBe(5);
    expect(sliced).toEqual(once);
    expect(pauses).toBe(5);
  });

  test('cancelled work stops at the next pause, its finally blocks run, and gives undefined', async () => {
    let done = 0;
    let cleaned = false;
    function* work(): Steps<string> {
      try {
        for (;;) {
          done++;
          yield;
        }
      } finally {
        cleaned = true;
      }
    }
    expect(await runSliced(work(), { budgetMs: 0, cancelled: () => done >= 3 })).toBeUndefined();
    expect(done).toBe(3);
    expect(cleaned).toBe(true);
  });
  test('with a fine clock, one long first step does not cut the later, cheap steps into small slices', async () => {
    const slices = await sliceLengths((now) => now, [100, ...Array<number>(3000).fill(0.1)]);
    // 100 ms for the one long step, then slices of the budget.
    expect(slices[0]).toBe(100);
    expect(Math.min(...slices.slice(1))).toBeGreaterThanOrEqual(15);
    expect(slices.length).toBeLessThan(25);
  });

  test('with a clock that ticks only every 100 ms, slices follow steps that grow dearer within a few ticks', async () => {
    // 5,000 steps of 0.01 ms (reading the page), then 500 of 2 ms (marking).
    const slices = await sliceLengths(byTicksOf(100), [...Array<number>(5000).fill(0.01), ...Array<number>(500).fill(2)]);
    const later = slices.slice(5).sort((a, b) => a - b);
    expect(later[Math.floor(later.length / 2)]).toBeLessThanOrEqual(20);
    expect(slices.length).toBeGreaterThan(40);
  });

  test('with a clock that ticks only every 100 ms, slices still end near the budget once a tick has measured the steps', async () => {
    const slices = await sliceLengths(byTicksOf(100), Array<number>(1000).fill(1));
    // Before the first tick nothing is known of a step's cost; after it, no slice runs past twice the budget
    // (between ticks a slice measures 0 ms and the mean drifts down until the next tick corrects it).
    expect(slices[0]).toBe(100);
    expect(slices.length).toBeGreaterThan(40);
    expect(Math.max(...slices.slice(1))).toBeLessThanOrEqual(30);
  });
});

describe('in slices, the same result', () => {
  test.each(DEMO_ARTICLES.map((a) => [`${a.host}${a.path}`, a] as const))('extraction of %s', async (_name, a) => {
    const doc = new DOMParser().parseFromString(readFileSync(path.join(SITES, demoPageFile(a.host, a.path)), 'utf8'), 'text/html');
    const url = `https://${a.host}${a.path}`;
    const once = extractArticle(doc, url);
    expect(once.ok).toBe(true);
    expect(await runSliced(extractSteps(doc, url), { budgetMs: 0 })).toEqual(once);
  });

  test("an element's text length, counted node by node, is that of its textContent with whitespace runs collapsed", () => {
    const pieces = [
      'word',
      ' ',
      '  ',
      '\n\t',
      '\u00a0',
      'x.',
      '<b> bold </b>',
      '<i>\n</i>',
      '<!-- a comment -->',
      '<script> var s = 1; </script>',
      '<p> p </p>',
      '<span></span>',
    ];
    const next = seeded(11);
    for (let k = 0; k < 300; k++) {
      const html = randomText(next, pieces, 30);
      const el = document.createElement('div');
      el.innerHTML = `<section>${html}</section>${html}`;
      expect(collapsedTextLength(el)).toBe((el.textContent ?? '').replace(/\s+/g, ' ').length);
    }
  });

  test('collapsedLength is the length of the text with each whitespace run made one space', () => {
    const alphabet = [
      'a',
      'Z',
      '.',
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u200b',
      '\u180e',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u00ad',
      'é',
      '\ud83d',
      '\ude00',
    ];
    const next = seeded(7);
    for (let k = 0; k < 2000; k++) {
      const text = randomText(next, alphabet, 40);
      expect(collapsedLength(text)).toBe(text.replace(/\s+/g, ' ').length);
    }
  });
});

describe('marking in slices', () => {
  let annotator: Annotator | null = null;
  afterEach(() => {
    annotator?.destroy();
    annotator = null;
  });
  const markedHtml = (): string => document.body.innerHTML;

  test('marks what marking in one go marks', async () => {
    document.body.innerHTML = ARTICLE_HTML;
    annotator = createAnnotator(document, ANNOTATION, { renderer: cardRenderer });
    const once = markedHtml();
    annotator.destroy();
    expect(document.body.innerHTML).toBe(ARTICLE_HTML);
    annotator = createAnnotator(document, ANNOTATION, { renderer: cardRenderer, sliceBudgetMs: 0 });
    await expect.poll(markedHtml).toBe(once);
  });

  test('a sentence the page rewrites while marking is pending is marked once the page puts it back', async () => {
    document.body.innerHTML = ARTICLE_HTML;
    const sentence = ANNOTATION.marked.find((m) => m.text.startsWith('About 5,200'))!;
    const paragraph = Array.from(document.querySelectorAll('p')).find((p) => p.textContent!.startsWith('About 5,200'))!;
    annotator = createAnnotator(document, ANNOTATION, { renderer: cardRenderer, sliceBudgetMs: 0 });
    (paragraph.firstChild as Text).data = 'Some 5,200 troops are said to be in the country.';
    const marks = (): Element[] => Array.from(document.querySelectorAll(`mark[data-parallax-index="${sentence.index}"]`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(marks()).toHaveLength(0);
    expect(paragraph.textContent).toBe('Some 5,200 troops are said to be in the country.');
    paragraph.textContent = sentence.text;
    await expect
      .poll(
        () =>
          marks()
            .map((m) => m.textContent)
            .join(''),
        { timeout: 3000 },
      )
      .toBe(sentence.text);
  });
});

describe('a page that changes between anchoring and marking', () => {
  test('a sentence whose text node the page moved elsewhere (into a style) is left unmarked and counted stale', () => {
    document.body.innerHTML = ARTICLE_HTML;
    const spans = runToEnd(anchorSteps(document, ANNOTATION.marked));
    const moved = ANNOTATION.marked.find((m) => m.text.startsWith('About 5,200'))!;
    const paragraph = Array.from(document.querySelectorAll('p')).find((p) => p.textContent!.startsWith('About 5,200'))!;
    const style = document.createElement('style');
    document.body.append(style);
    style.append(paragraph.firstChild!);
    const { marks, stale } = runToEnd(markSteps(spans.values()));
    expect(stale).toBe(1);
    expect(marks.has(moved.index)).toBe(false);
    expect(style.querySelector('mark, parallax-mark')).toBeNull();
  });

  test('the sentence whose text changed is left unmarked and counted stale; the others are marked as in one go', () => {
    document.body.innerHTML = ARTICLE_HTML;
    const once = runToEnd(markSteps(runToEnd(anchorSteps(document, ANNOTATION.marked)).values())).marks;
    const onceHtml = document.body.innerHTML;
    removeMarks(document);
    const spans = runToEnd(anchorSteps(document, ANNOTATION.marked));
    const changed = ANNOTATION.marked.find((m) => m.text.startsWith('About 5,200'))!;
    const paragraph = Array.from(document.querySelectorAll('p')).find((p) => p.textContent!.startsWith('About 5,200'))!;
    (paragraph.firstChild as Text).data = 'Some 5,200 troops are said to be in the country.';
    const { marks, stale } = runToEnd(markSteps(spans.values()));
    expect(stale).toBe(1);
    expect(marks.has(changed.index)).toBe(false);
    expect([...marks.keys()]).toEqual([...once.keys()].filter((i) => i !== changed.index));
    expect(paragraph.textContent).toBe('Some 5,200 troops are said to be in the country.');
    // Put back, the page reads as it did when marked in one go.
    (paragraph.firstChild as Text).data = 'About 5,200 U.S. troops are stationed in the country.';
    const again = runToEnd(markSteps([spans.get(changed.index)!]));
    expect(again.stale).toBe(0);
    expect(document.body.innerHTML).toBe(onceHtml);
  });
});
