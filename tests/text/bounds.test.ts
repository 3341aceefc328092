/**
 * The text steps on inputs built to make them slow: each must finish (the
 * test's time-out is the fast fail) with a result that is still right.
 */
import { describe, expect, test } from 'vitest';
import { clusterArticles } from '../../lib/story/stories';
import { analyseSentence } from '../../lib/text/analyse';
import { capText, TEXT_LIMITS } from '../../lib/text/config';
import { segmentSentences } from '../../lib/text/segment';
import { contentTerms, tokenize } from '../../lib/text/tokens';

const MB = 1_000_000;

describe('text steps on hostile input', () => {
  test('a 1 MB word is one token, kept whole, with a bounded stem', () => {
    const word = 'ab'.repeat(MB / 2);
    const tokens = tokenize(`Before ${word} after`);
    expect(tokens.map((t) => t.raw.length)).toEqual([6, MB, 5]);
    expect(tokens[1]?.stem).toBe(word.slice(0, TEXT_LIMITS.maxTokenChars));
    expect(contentTerms(word)).toEqual([word.slice(0, TEXT_LIMITS.maxTokenChars)]);
  });

  test('words up to the limit are stemmed as before', () => {
    expect(tokenize('Negotiations continued').map((t) => t.stem)).toEqual(['negoti', 'continu']);
  });

  test('an over-long capitalised token is no name', () => {
    const long = `A${'b'.repeat(TEXT_LIMITS.maxTokenChars)}`;
    expect(analyseSentence(`Officials met ${long} and Mark Milley on Monday.`).names.map((n) => n.text)).toEqual(['Mark Milley']);
  });

  test('a 1 MB line without sentence punctuation is cut at spaces into bounded pieces covering all of it', () => {
    const words = ['troops', 'would', 'not', 'leave', 'the', 'country'];
    const text = Array.from({ length: MB / 6 }, (_, i) => words[i % words.length]).join(' ');
    const spans = segmentSentences(text);
    expect(Math.max(...spans.slice(0, 1000).map((s) => s.text.length))).toBeLessThanOrEqual(TEXT_LIMITS.maxSentenceChars);
    expect(spans.every((s) => text.slice(s.start, s.end) === s.text && !/^\s|\s$/.test(s.text))).toBe(true);
    // Nothing lost: the pieces joined by the spaces between them give the text back.
    expect(spans.map((s) => s.text).join(' ')).toBe(text);
  });

  test('a 1 MB word is cut into pieces of exactly the limit', () => {
    const spans = segmentSentences('w'.repeat(MB));
    expect(spans).toHaveLength(MB / TEXT_LIMITS.maxSentenceChars);
    expect(spans[1]).toMatchObject({ start: TEXT_LIMITS.maxSentenceChars, end: 2 * TEXT_LIMITS.maxSentenceChars });
  });

  test('sentences still end where they did around a long run of initials', () => {
    const text = `${'A. '.repeat(100_000)}The end. Then more.`;
    const spans = segmentSentences(text);
    expect(spans.at(-1)?.text).toBe('Then more.');
  });

  test.each([
    ['quotation marks', '"a" '.repeat(500)],
    ['unclosed curly quotes', '“a '.repeat(650)],
    ['speech verbs', 'was said '.repeat(220)],
    ['brackets', '(a '.repeat(650)],
  ])('a sentence of nothing but %s is analysed', (_name, text) => {
    const a = analyseSentence(text.trim());
    expect(a.tokens.length).toBeGreaterThan(0);
    for (const q of a.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  test('a sentence of many quotations keeps each outer quotation once', () => {
    const a = analyseSentence('"one" and "two" and “three ‘four’ five”');
    expect(a.quotes.map((q) => q.text)).toEqual(['one', 'two', 'three ‘four’ five']);
  });

  test('a 1 MB one-word title still clusters', () => {
    const text = 'Troops would not leave the country, the minister said on Tuesday.';
    const ids = clusterArticles([
      { id: 'a', title: 'c'.repeat(MB), text, outlet: 'A' },
      { id: 'b', title: 'Minister says troops stay', text, outlet: 'B' },
    ]);
    expect(ids).toHaveLength(2);
  });

  test('capText never cuts a surrogate pair in two', () => {
    expect(capText('ab😀', 3)).toBe('ab');
    expect(capText('abc', 5)).toBe('abc');
  });
});
