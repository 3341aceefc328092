import { describe, expect, test } from 'vitest';
import { articleToLine, parseArticleLines, parseArticleStream, type HtmlExtractor } from '../../lib/io/jsonl';
import { TEXT_LIMITS } from '../../lib/text/config';

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

  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR alone', '\r'],
  ])('lines ended by %s are read one by one', (_name, end) => {
    const text = [JSON.stringify(ok), 'oops', JSON.stringify({ ...ok, id: 'c' })].join(end);
    const r = parseArticleLines(text);
    expect(r.articles.map((a) => a.line)).toEqual([1, 3]);
    expect(r.errors.map((e) => e.line)).toEqual([2]);
  });

  test('a byte-order mark may start any line, and mixed line ends keep their numbers', () => {
    const text = `\uFEFF${JSON.stringify(ok)}\r\n\uFEFF${JSON.stringify({ ...ok, id: 'b' })}\r\uFEFF\n${JSON.stringify({ ...ok, id: 'd' })}`;
    const r = parseArticleLines(text);
    expect(r.errors).toEqual([]);
    expect(r.articles.map((a) => [a.line, a.article.id])).toEqual([
      [1, undefined],
      [2, 'b'],
      [4, 'd'],
    ]);
  });

  test.each([
    ['a NUL byte in the raw line', `${JSON.stringify(ok).slice(0, -1)}\u0000}`, /not JSON/],
    ['url a number', JSON.stringify({ ...ok, url: 5 }), /"url" is not a string/],
    ['title an object', JSON.stringify({ ...ok, title: { a: 1 } }), /"title" is not a string/],
    ['text an array', JSON.stringify({ ...ok, text: ['a'] }), /"text" is not a string/],
    ['html a number', JSON.stringify({ url: ok.url, outlet: 'X', title: 'T', html: 3 }), /"html" is not a string/],
    ['byline a boolean', JSON.stringify({ ...ok, byline: true }), /"byline" is not a string/],
    ['an empty id', JSON.stringify({ ...ok, id: ' ' }), /"id" is empty/],
    ['a date that does not exist', JSON.stringify({ ...ok, publishedAt: '2020-13-45T99:00:00Z' }), /"publishedAt" is not a date/],
    ['a date as a number', JSON.stringify({ ...ok, publishedAt: 1578390000000 }), /"publishedAt" is not a date/],
    ['a file address', JSON.stringify({ ...ok, url: 'file:///etc/passwd' }), /"url" is not an http or https address/],
    ['a javascript address', JSON.stringify({ ...ok, url: 'javascript:alert(1)' }), /"url" is not an http or https address/],
    ['a relative address', JSON.stringify({ ...ok, url: '/story/1' }), /"url" is not an http or https address/],
    ['null', 'null', /not a JSON object/],
    ['a string', '"text"', /not a JSON object/],
  ])('%s is one bad line; the good lines around it are kept', (_name, bad, reason) => {
    const r = parseArticleLines([JSON.stringify(ok), bad, JSON.stringify({ ...ok, id: 'z' })].join('\n'));
    expect(r.articles.map((a) => a.line)).toEqual([1, 3]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.line).toBe(2);
    expect(r.errors[0]!.message).toMatch(/^line 2: /);
    expect(r.errors[0]!.message).toMatch(reason);
  });

  test('NUL characters inside the text are dropped, the article kept', () => {
    const r = parseArticleLines(JSON.stringify({ ...ok, title: 'A\u0000B', text: 'Body\u0000 text.' }));
    expect(r.articles[0]?.article).toMatchObject({ title: 'AB', text: 'Body text.' });
  });

  test('an empty "html", or an extractor that fails, spoils one line only', () => {
    const extractHtml: HtmlExtractor = (html) => {
      if (html.includes('boom')) throw new RangeError('Maximum call stack size exceeded');
      return { ok: true, article: { text: 'Extracted body.' } };
    };
    const lines = [
      JSON.stringify({ url: 'https://x.test/1', outlet: 'X', title: 'T', html: '' }),
      JSON.stringify({ url: 'https://x.test/2', outlet: 'X', title: 'T', html: '<p>boom</p>' }),
      JSON.stringify({ url: 'https://x.test/3', outlet: 'X', title: 'T', html: '<p>fine</p>' }),
    ];
    const r = parseArticleLines(lines.join('\n'), { extractHtml });
    expect(r.articles.map((a) => [a.line, a.article.text])).toEqual([[3, 'Extracted body.']]);
    expect(r.errors.map((e) => e.line)).toEqual([1, 2]);
    expect(r.errors[0]?.message).toBe('line 1: "html" is empty');
    expect(r.errors[1]?.message).toMatch(/^line 2: could not be read \(Maximum call stack size exceeded\)$/);
  });

  test('a 10 MB line is read whole; a 10 MB bad line is reported in a short message', () => {
    const body = 'word '.repeat(2_000_000);
    const bad = JSON.stringify({ ...ok, publishedAt: 'x'.repeat(10_000_000) });
    const r = parseArticleLines([JSON.stringify({ ...ok, text: body }), bad].join('\n'));
    expect(r.articles[0]?.article.text.length).toBe(body.length);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message.length).toBeLessThan(200);
  });

  test('titles, outlet names and bylines are cut to their limits', () => {
    const r = parseArticleLines(
      JSON.stringify({ ...ok, title: 't'.repeat(1_000_000), outlet: 'o'.repeat(5000), byline: 'b'.repeat(5000) }),
    );
    const a = r.articles[0]!.article;
    expect(a.title.length).toBe(TEXT_LIMITS.maxTitleChars);
    expect(a.outlet.length).toBe(TEXT_LIMITS.maxOutletChars);
    expect(a.byline?.length).toBe(TEXT_LIMITS.maxBylineChars);
  });
});
