import { describe, expect, test } from 'vitest';
import { articleToLine, parseArticleLines, parseArticleStream } from '../../lib/io/jsonl';

const ok = { url: 'https://x.test/a', outlet: 'X', title: 'T', text: 'Body text.' };

describe('JSON Lines exchange format', () => {
  test.each([
    ['{"url": ', /^line 1: not JSON \(/],
    [JSON.stringify({ outlet: 'X', title: 'T', text: 'b' }), /^line 1: missing "url"$/],
    [JSON.stringify({ ...ok, publishedAt: 'yesterday-ish' }), /^line 1: "publishedAt" is not a date/],
    [JSON.stringify({ url: 'u', outlet: 'X', title: 'T' }), /^line 1: missing "text" \(or "html"\)$/],
    ['[1, 2]', /^line 1: not a JSON object$/],
  ])('rejects %s', (line, message) => {
    const r = parseArticleLines(line);
    expect(r.articles).toEqual([]);
    expect(r.errors[0]!.message).toMatch(message);
  });

  test('bad lines are reported by number and the others still load; blank lines are skipped', () => {
    const text = [JSON.stringify(ok), '', 'not json', JSON.stringify({ ...ok, id: 'b', publishedAt: '2020-01-06T10:00:00Z' })].join('\n');
    const r = parseArticleLines(text);
    expect(r.articles.map((a) => a.line)).toEqual([1, 4]);
    expect(r.articles[1]!.article).toMatchObject({ id: 'b', publishedAt: '2020-01-06T10:00:00Z' });
    expect(r.errors.map((e) => e.line)).toEqual([3]);
  });

  test('a line written back reads the same', () => {
    const a = { id: 'z', url: 'https://x.test/z', outlet: 'X', title: 'Q "quoted"', publishedAt: '2020-01-06', text: 'One.\n\nTwo.' };
    expect(parseArticleLines(articleToLine(a)).articles[0]!.article).toEqual(a);
  });

  test('streaming variant numbers lines as they come', async () => {
    const out = [];
    for await (const r of parseArticleStream(['', JSON.stringify(ok), '{'])) out.push([r.line, r.ok]);
    expect(out).toEqual([
      [2, true],
      [3, false],
    ]);
  });
});
