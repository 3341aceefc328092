// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { anchorSteps, type AnchoredSpan, type SentenceToAnchor } from '../../lib/dom/anchor';
import { locate } from '../../lib/dom/page-text';
import { runToEnd } from '../../lib/dom/time-slice';
import { foldText } from '../../lib/dom/fold-text';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Where each sentence was found, as the text it covers and the element holding its first character. */
function anchor(root: HTMLElement, sentences: SentenceToAnchor[]): Map<number, { text: string; parent: Element }> {
  const found = runToEnd(anchorSteps(root, sentences));
  const at = (span: AnchoredSpan) => ({
    text: span.page.text.slice(span.start, span.end),
    parent: locate(span.page, span.start)!.node.parentNode as Element,
  });
  return new Map([...found].map(([index, span]) => [index, at(span)]));
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('foldText', () => {
  test.each([
    ['  Hello,\n  World ', 'hello,world'],
    ['\u201cQuoted\u201d and \u2018single\u2019', '"quoted"and\'single\''],
    ['10\u201320 \u2014 ok', '10-20-ok'],
    ['wait\u2026', 'wait...'],
    ['soft\u00adhyphen\u00a0nbsp', 'softhyphennbsp'],
  ])('folds %j to %j', (raw, folded) => {
    expect(foldText(raw).text).toBe(folded);
  });

  test('maps folded characters back to the original offsets', () => {
    const f = foldText('a \u201cb');
    expect(Array.from(f.source)).toEqual([0, 2, 3]);
  });

  test('maps each character a fold lengthens back to its one original, however many there are', () => {
    // An ellipsis folds to three dots, a dotted capital I to two characters; a page of them outgrows the first buffer.
    const f = foldText('A\u2026 \u0130b');
    expect(f.text).toBe('a...i\u0307b');
    expect(Array.from(f.source)).toEqual([0, 1, 1, 1, 3, 3, 4]);
    const many = foldText('\u2026'.repeat(5000));
    expect(many.text).toBe('.'.repeat(15000));
    expect(many.source[14999]).toBe(4999);
  });
});

describe('anchorSteps', () => {
  test('finds sentences across inline markup and whitespace differences', () => {
    const root = page(
      `<article><p>The minister <em>said</em> on
        Tuesday that   troops would <a href="#">leave</a>. A second sentence follows.</p>
        <p>It was \u201cthe sovereign decision\u201d of the parliament.</p></article>`,
    );
    const ranges = anchor(root, [
      { index: 0, text: 'The minister said on Tuesday that troops would leave.' },
      { index: 1, text: 'A second sentence follows.' },
      { index: 2, text: 'It was "the sovereign decision" of the parliament.' },
    ]);
    expect(ranges.size).toBe(3);
    expect(ranges.get(0)?.text.replace(/\s+/g, ' ')).toBe('The minister said on Tuesday that troops would leave.');
    expect(ranges.get(1)?.text).toBe('A second sentence follows.');
    expect(ranges.get(2)?.text).toBe('It was \u201cthe sovereign decision\u201d of the parliament.');
  });

  test('matches a sentence split across paragraphs by the extractor’s blank line', () => {
    const root = page('<ul><li>First item.</li><li>Second item.</li></ul>');
    const ranges = anchor(root, [{ index: 4, text: 'Second item.' }]);
    expect(ranges.get(4)?.text).toBe('Second item.');
  });

  test('leaves out sentences that are not in the page, and skips script and style text', () => {
    const root = page('<p>Visible text here.</p><script>var s = "Hidden words."</script><style>.x{}</style>');
    const ranges = anchor(root, [
      { index: 0, text: 'Hidden words.' },
      { index: 1, text: 'Visible text here.' },
    ]);
    expect([...ranges.keys()]).toEqual([1]);
  });

  test('a repeated sentence anchors to successive occurrences, in order', () => {
    const root = page('<p id="a">He said no.</p><p id="b">Then more.</p><p id="c">He said no.</p>');
    const ranges = anchor(root, [
      { index: 0, text: 'He said no.' },
      { index: 1, text: 'Then more.' },
      { index: 2, text: 'He said no.' },
    ]);
    expect(ranges.get(0)?.parent.id).toBe('a');
    expect(ranges.get(2)?.parent.id).toBe('c');
  });

  test('falls back to a global search when a later sentence appears earlier in the page', () => {
    const root = page('<p>Alpha one.</p><p>Beta two.</p>');
    const ranges = anchor(root, [
      { index: 0, text: 'Beta two.' },
      { index: 1, text: 'Alpha one.' },
    ]);
    expect(ranges.get(1)?.text).toBe('Alpha one.');
  });

  test('finds a long sentence by its head and tail when the page has an extra inline insert', () => {
    const root = page(
      '<p>Officials confirmed late on Tuesday evening <sup>[1]</sup> that the convoy had reached the northern border crossing safely.</p>',
    );
    const text = 'Officials confirmed late on Tuesday evening that the convoy had reached the northern border crossing safely.';
    const ranges = anchor(root, [{ index: 0, text }]);
    expect(ranges.get(0)?.text).toContain('Officials confirmed');
    expect(ranges.get(0)?.text).toContain('crossing safely.');
  });
});
