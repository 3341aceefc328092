/**
 * Seeded malformed inputs for the JSON Lines reader and the engine's text
 * steps, and the properties every one of them must keep. Used by
 * tests/io/fuzz.test.ts (a bounded run in `npm test`) and scripts/fuzz.ts
 * (a longer run).
 */
import { extractFromHtml } from '../../lib/extract/from-html';
import { parseArticleLines } from '../../lib/io/jsonl';
import { analyseSentence } from '../../lib/text/analyse';
import { TEXT_LIMITS } from '../../lib/text/config';
import { segmentSentences } from '../../lib/text/segment';
import { tokenize } from '../../lib/text/tokens';

export { seeded as createRandom } from '../../scripts/lib/random';

type Random = () => number;
const int = (r: Random, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, xs.length)] as T;

// Pieces that trip up segmenters, tokenizers and attribution finders.
const PIECES = [
  'a',
  'Word',
  'WORD',
  'the',
  'said',
  'was',
  'not',
  'verified',
  'could',
  'according to',
  'Mr.',
  'Gen.',
  'U.S.',
  'a.m.',
  'St.',
  '1',
  '5,000',
  '3.5%',
  'five thousand',
  '1.)',
  'a.',
  '•',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u00a0',
  '.',
  '. ',
  '!',
  '?',
  '…',
  '. . .',
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '(',
  ')',
  '[',
  ']',
  ',',
  ';',
  ':',
  '—',
  '–',
  '-',
  "'s",
  '’s',
  '\u0000',
  '\uFEFF',
  '\u0301',
  '😀',
  '\ud800',
  '\udc00',
  'é',
  'Ünïcödé',
  'Москва',
  '北京',
  '<',
  '>',
  '&amp;',
  '\\',
];

/** A text made of tricky pieces, sometimes with one piece repeated many times (long words, long runs). */
export function hostileText(r: Random, maxPieces = 400): string {
  const parts: string[] = [];
  const n = int(r, maxPieces);
  for (let i = 0; i < n; i++) parts.push(pick(r, PIECES));
  if (r() < 0.3) {
    const run = pick(r, PIECES).repeat(1 + int(r, 5000));
    parts.splice(int(r, parts.length + 1), 0, run);
  }
  if (r() < 0.1) parts.push('x'.repeat(1 + int(r, 20_000)));
  return parts.join('');
}

const GOOD_FIELDS = { url: 'https://good.test/a', outlet: 'Good', title: 'A good line', text: 'The minister said so on Monday.' };

/** One line that must be kept, numbered so it can be found again. */
export function goodLine(n: number): string {
  return JSON.stringify({ ...GOOD_FIELDS, id: `good-${n}`, url: `https://good.test/${n}` });
}

/** A malformed or hostile line: broken JSON, wrong types, odd values, control characters, large fields. */
export function hostileLine(r: Random): string {
  const base: Record<string, unknown> = { ...GOOD_FIELDS, id: `bad-${int(r, 1e9)}` };
  const valueOf = (): unknown =>
    pick(r, [
      null,
      0,
      -1,
      1e308,
      true,
      [],
      {},
      [hostileText(r, 20)],
      { a: hostileText(r, 20) },
      '',
      ' ',
      hostileText(r, 60),
      'javascript:alert(1)',
      'file:///etc/passwd',
      'not a date',
      '2020-02-30T25:61:00Z',
      '\u0000',
    ]);
  switch (int(r, 8)) {
    case 0: // a field of the wrong type or value
      base[pick(r, ['url', 'outlet', 'title', 'text', 'html', 'id', 'byline', 'publishedAt', 'lang'])] = valueOf();
      break;
    case 1: // a field missing
      delete base[pick(r, ['url', 'outlet', 'title', 'text'])];
      break;
    case 2: // a hostile text
      base.text = hostileText(r);
      base.title = hostileText(r, 40);
      break;
    case 3: // "html" instead of "text", possibly empty
      delete base.text;
      base.html = r() < 0.5 ? '' : hostileText(r, 40);
      break;
    default:
      break;
  }
  let line = JSON.stringify(base);
  switch (int(r, 6)) {
    case 0: // truncated
      line = line.slice(0, int(r, line.length));
      break;
    case 1: // a character changed
      {
        const at = int(r, line.length);
        line = line.slice(0, at) + pick(r, ['\u0000', '"', '{', '}', '\\', '\uFEFF', 'x', '\u2028']) + line.slice(at + 1);
      }
      break;
    case 2: // deeply nested
      line = `${'['.repeat(int(r, 5000))}${line}`;
      break;
    case 3: // not JSON at all
      line = hostileText(r, 60).replace(/[\r\n\u2028]/g, ' ');
      break;
    default:
      break;
  }
  // A line break inside a line would make two lines; the good-line bookkeeping needs one.
  return line.replace(/\r\n|\r|\n/g, ' ');
}

const LINE_ENDS = ['\n', '\r\n', '\r'];

/** A file of good and hostile lines, with the line numbers of the good ones. */
export function hostileFile(r: Random, lines = 20): { text: string; good: number[] } {
  const out: string[] = [];
  const good: number[] = [];
  for (let i = 1; i <= lines; i++) {
    if (r() < 0.4) {
      good.push(i);
      out.push((r() < 0.1 ? '\uFEFF' : '') + goodLine(i));
    } else out.push(hostileLine(r));
  }
  // One kind of line end per file; mixing CR with LF would merge "\r\n" into one end.
  return { text: out.join(pick(r, LINE_ENDS)), good };
}

/** What went wrong reading one file; empty when every property holds. */
export function checkFile(file: { text: string; good: number[] }): string[] {
  const problems: string[] = [];
  // The command line's reader, HTML extractor included.
  const { articles, errors } = parseArticleLines(file.text, { extractHtml: extractFromHtml });
  const kept = new Set(articles.map((a) => a.line));
  for (const n of file.good) if (!kept.has(n)) problems.push(`good line ${n} was not kept`);
  for (const e of errors) {
    if (!e.message.startsWith(`line ${e.line}: `)) problems.push(`error without its line number: ${e.message.slice(0, 80)}`);
    if (e.message.length > 400) problems.push(`line ${e.line}: error message of ${e.message.length} characters`);
  }
  for (const a of articles) {
    if (!/^https?:\/\//.test(a.article.url)) problems.push(`line ${a.line}: kept with address ${a.article.url.slice(0, 40)}`);
    if (a.article.title.length > TEXT_LIMITS.maxTitleChars) problems.push(`line ${a.line}: title not capped`);
  }
  return problems;
}

/** What went wrong with the text steps on one text; empty when every property holds. */
export function checkText(text: string): string[] {
  const problems: string[] = [];
  const spans = segmentSentences(text);
  let last = 0;
  for (const s of spans) {
    if (text.slice(s.start, s.end) !== s.text) problems.push(`sentence ${s.index}: offsets do not give its text`);
    if (s.start < last) problems.push(`sentence ${s.index}: overlaps the one before`);
    if (s.text.length > TEXT_LIMITS.maxSentenceChars) problems.push(`sentence ${s.index}: ${s.text.length} characters`);
    last = s.end;
    for (const t of tokenize(s.text)) {
      if (s.text.slice(t.start, t.end) !== t.raw) problems.push(`token offsets wrong: ${t.raw.slice(0, 20)}`);
      if (t.stem.length > TEXT_LIMITS.maxTokenChars) problems.push(`stem of ${t.stem.length} characters`);
    }
    const a = analyseSentence(s.text);
    for (const span of [...a.quotes, ...a.names]) {
      if (s.text.slice(span.start, span.end) !== span.text) problems.push(`span offsets wrong: ${span.text.slice(0, 20)}`);
    }
  }
  return problems;
}
