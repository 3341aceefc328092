// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Card } from '../../components/Card';
import { ANNOTATION } from '../annotator/sample-annotation';
import { click } from './helpers';

let container: HTMLElement;
const sentence = ANNOTATION.marked[0]!;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Card', () => {
  test('is a labelled dialog listing each other outlet once, reprints folded into their source', () => {
    render(<Card sentence={sentence} locale="en-US" />, container);
    const dialog = container.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-label')).toMatch(/other outlets/);
    expect(container.querySelectorAll('.px-report')).toHaveLength(2);
    expect(container.textContent).toContain('Also reported by 2 other outlets');
    expect(container.textContent).toContain('Wire Service (also carried by Metro Post and Evening Star)');
  });

  test('shows each outlet’s sentence, readable time, link to the sentence and why it matched', () => {
    render(<Card sentence={sentence} locale="en-US" />, container);
    const first = container.querySelector('.px-report') as HTMLElement;
    expect(first.querySelector('blockquote')?.textContent).toBe(sentence.reports[0]?.sentence);
    const time = first.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2020-01-07T10:00:00Z');
    expect(time?.textContent).toMatch(/2020/);
    const link = first.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(sentence.reports[0]?.fragmentUrl);
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(first.querySelector('.px-why')?.textContent).toBe('Why it matched: same quotation (decision, departure); same names (Iraq)');
  });

  test('shows a quotation worded differently as two wordings with the changed words highlighted', () => {
    render(<Card sentence={sentence} locale="en-US" />, container);
    const diff = container.querySelector('.px-diff-quote-wording') as HTMLElement;
    expect(diff.querySelector('.px-diff-label')?.textContent).toBe('quotation worded differently');
    expect(diff.querySelector('.px-wording-here')?.textContent).toBe('sovereign decision ordering our departure');
    expect(diff.querySelector('.px-wording-there')?.textContent).toBe('sovereignty decision to order our departure');
    const changed = (sel: string): string[] => Array.from(diff.querySelectorAll(`${sel} mark`)).map((m) => m.textContent ?? '');
    expect(changed('.px-wording-here')).toEqual(['sovereign', 'ordering']);
    expect(changed('.px-wording-there')).toEqual(['sovereignty', 'to order']);
  });

  test('shows a number difference the same way, and other differences as labelled text', () => {
    render(<Card sentence={ANNOTATION.marked[1]!} locale="en-US" />, container);
    const diff = container.querySelector('.px-diff-number') as HTMLElement;
    expect(diff.querySelector('.px-diff-label')?.textContent).toBe('number differs');
    expect(Array.from(diff.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['About 5,200', 'Some 5,000']);
    render(<Card sentence={sentence} locale="en-US" />, container);
    expect(container.querySelector('.px-diff-hedging')?.textContent).toContain('hedged vs. stated');
  });

  test('the close button calls onClose', () => {
    let closed = 0;
    render(<Card sentence={sentence} onClose={() => closed++} />, container);
    click(container.querySelector('button[aria-label="Close"]'));
    expect(closed).toBe(1);
  });
});
