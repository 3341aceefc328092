// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { anchorSteps, type AnchoredSpan, type SentenceToAnchor } from '../../lib/dom/anchor';
import { runToEnd } from '../../lib/dom/time-slice';
import { markSteps, removeMarks, MARK_DESCRIPTION, MARK_SELECTOR, MARK_TAG } from '../../lib/dom/highlight';

// Inline markup crosses sentence boundaries: <b> opens in sentence 0 and closes in sentence 1.
const FIXTURE = `<article id="story">
  <h1>Troops to leave</h1>
  <p id="p1">The parliament voted on <b>Sunday. The vote was</b> non-binding, officials said.</p>
  <p id="p2">Protesters gathered  outside\nthe <a href="/x">embassy</a>. Nobody was hurt.</p>
  <script>var notText = "The vote was non-binding.";</script>
</article>`;

const SENTENCES = [
  { index: 0, text: 'The parliament voted on Sunday.' },
  { index: 1, text: 'The vote was non-binding, officials said.' },
  { index: 2, text: 'Protesters gathered outside the embassy.' },
  { index: 3, text: 'Nobody was hurt.' },
];

const anchor = (sentences: SentenceToAnchor[]): Map<number, AnchoredSpan> => runToEnd(anchorSteps(document.body, sentences));
const highlight = (spans: Map<number, AnchoredSpan>): Map<number, HTMLElement[]> => runToEnd(markSteps(spans.values())).marks;

function mark(): Map<number, HTMLElement[]> {
  return highlight(anchor(SENTENCES));
}

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    out.push(n);
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

beforeEach(() => {
  document.body.innerHTML = FIXTURE;
});

describe('highlight', () => {
  test('wraps each sentence, one mark per text node segment, sharing the sentence index', () => {
    const marks = mark();
    expect([...marks.keys()]).toEqual([0, 1, 2, 3]);
    expect(marks.get(1)?.map((m) => m.textContent)).toEqual(['The vote was', ' non-binding, officials said.']);
    for (const [index, list] of marks) {
      for (const m of list) {
        expect(m.tagName.toLowerCase()).toBe(MARK_TAG);
        expect(m.getAttribute('data-parallax-index')).toBe(String(index));
      }
    }
    const text = (i: number): string => (marks.get(i) ?? []).map((m) => m.textContent).join('');
    expect(text(0)).toBe('The parliament voted on Sunday.');
    expect(text(2).replace(/\s+/g, ' ')).toBe('Protesters gathered outside the embassy.');
  });

  test('the first mark of a sentence takes focus and describes itself, without hiding the text or saying how many outlets', () => {
    const marks = mark();
    const [first, second] = marks.get(1) ?? [];
    expect(first?.getAttribute('tabindex')).toBe('0');
    expect(first?.getAttribute('role')).toBe('mark');
    expect(first?.getAttribute('aria-description')).toBe(MARK_DESCRIPTION);
    expect(MARK_DESCRIPTION).not.toMatch(/\d/);
    expect(first?.hasAttribute('aria-label')).toBe(false);
    expect(first?.textContent).toBe('The vote was');
    expect(second?.hasAttribute('tabindex')).toBe(false);
    expect(document.querySelectorAll(`${MARK_SELECTOR}[tabindex="0"]`)).toHaveLength(4);
  });

  test('removeMarks restores the page exactly: same markup, same node objects', () => {
    const article = document.getElementById('story') as HTMLElement;
    const before = article.innerHTML;
    const nodesBefore = allNodes(article);
    const childCounts = nodesBefore.map((n) => n.childNodes.length);

    mark();
    expect(article.innerHTML).not.toBe(before);
    removeMarks(document.body);

    expect(article.innerHTML).toBe(before);
    const nodesAfter = allNodes(article);
    expect(nodesAfter).toHaveLength(nodesBefore.length);
    nodesAfter.forEach((n, i) => {
      expect(n).toBe(nodesBefore[i]);
      expect(n.childNodes.length).toBe(childCounts[i]);
    });
    expect(document.querySelector(MARK_TAG)).toBeNull();
  });

  test('highlighting twice after a removal restores the page again', () => {
    const before = document.body.innerHTML;
    mark();
    removeMarks(document);
    mark();
    removeMarks(document);
    expect(document.body.innerHTML).toBe(before);
  });

  test('does not merge text nodes the page itself kept apart', () => {
    const p = document.getElementById('p2') as HTMLElement;
    p.appendChild(document.createTextNode(' Extra'));
    p.appendChild(document.createTextNode(' words.'));
    const count = p.childNodes.length;
    mark();
    removeMarks(document.body);
    expect(p.childNodes.length).toBe(count);
  });

  test('a span overlapping an earlier one is left unmarked rather than nesting marks', () => {
    // Anchored separately, so the anchorer's own overlap guard does not apply.
    const first = anchor([{ index: 0, text: 'The parliament voted on Sunday.' }]);
    const second = anchor([{ index: 1, text: 'voted on Sunday. The vote was non-binding' }]);
    const spans = new Map([...first, ...second]);
    expect(spans.size).toBe(2);
    const before = document.body.innerHTML;
    const marks = highlight(spans);
    expect([...marks.keys()]).toEqual([0]);
    expect(document.querySelector(`${MARK_TAG} ${MARK_TAG}`)).toBeNull();
    removeMarks(document.body);
    expect(document.body.innerHTML).toBe(before);
  });

  test("the page's own <mark> elements are neither taken for ours nor removed", () => {
    const own = document.createElement('mark');
    own.textContent = 'Nobody';
    const p2 = document.getElementById('p2') as HTMLElement;
    p2.append(' ', own);
    mark();
    removeMarks(document.body);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(1);
    expect(p2.lastChild).toBe(own);
  });
});
