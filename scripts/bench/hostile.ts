/**
 * `npx tsx scripts/bench/hostile.ts [--big]`
 *
 * Hostile inputs through the engine's steps, each timed: over-long words,
 * sentences and titles, pathological punctuation, feeds built to make a
 * parser backtrack, a feed of 100,000 items, and (with --big) a 10 MB JSON
 * Lines line through the command line's whole pipeline. Prints, per case, the
 * slowest step over the whole input (segmenting a whole article, parsing a
 * whole feed: linear, so it grows with the input), the slowest step over one
 * sentence-sized piece (terms and analysis of one sentence: bounded, aim
 * under 100 ms), and the total. A benchmark, not a test: nothing fails.
 */
import { parseFeed } from '../../lib/feeds/parse';
import { plainText } from '../../lib/feeds/html-text';
import { parseArticleLines } from '../../lib/io/jsonl';
import { alignArticles } from '../../lib/story/align';
import { clusterArticles } from '../../lib/story/stories';
import { analyseSentence } from '../../lib/text/analyse';
import { detectLanguage } from '../../lib/text/language';
import { segmentSentences } from '../../lib/text/segment';
import { contentTerms } from '../../lib/text/tokens';

interface Row {
  name: string;
  /** Slowest step over the whole input (segmentation of a whole article, a whole feed, a whole file). */
  whole: number;
  wholeStep: string;
  /** Slowest step over one sentence-sized piece (terms, analysis); undefined for cases without pieces. */
  piece?: number;
  total: number;
}

const rows: Row[] = [];

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function print(row: Row, note: string): void {
  rows.push(row);
  const piece = row.piece === undefined ? ''.padStart(10) : `${row.piece.toFixed(1).padStart(8)} ms`;
  process.stdout.write(
    `${row.name.padEnd(40)} ${row.whole.toFixed(1).padStart(9)} ms ${row.wholeStep.padEnd(18)} ${piece} ${row.total.toFixed(1).padStart(9)} ms  ${note}\n`,
  );
}

/** Runs named whole-input steps in order, keeping the slowest. */
function runCase(name: string, steps: [string, () => unknown][], note = ''): void {
  let whole = 0;
  let wholeStep = '';
  let total = 0;
  for (const [step, fn] of steps) {
    const ms = timed(fn);
    total += ms;
    if (ms > whole) {
      whole = ms;
      wholeStep = step;
    }
  }
  print({ name, whole, wholeStep, total }, note);
}

/** The text steps of a stored article: segmentation of the whole text, then terms and analysis one sentence at a time. */
function textCase(name: string, text: string): void {
  let sentences: string[] = [];
  const segment = timed(() => (sentences = segmentSentences(text).map((s) => s.text)));
  const language = timed(() => detectLanguage(text.slice(0, 4000)));
  let piece = 0;
  let total = segment + language;
  for (const s of sentences.slice(0, 2000)) {
    const ms = timed(() => contentTerms(s)) + timed(() => analyseSentence(s));
    total += ms;
    piece = Math.max(piece, ms);
  }
  const whole = Math.max(segment, language);
  print(
    { name, whole, wholeStep: segment >= language ? 'segment' : 'language', piece, total },
    `${(text.length / 1e6).toFixed(2)} M chars, ${sentences.length} sentences${sentences.length > 2000 ? ' (first 2,000 analysed)' : ''}`,
  );
}

const words = 'the minister said on Tuesday that troops would not leave the country soon according to officials'.split(' ');
function prose(chars: number, sentenceEvery = 17): string {
  let out = '';
  for (let i = 0; out.length < chars; i++) out += `${words[i % words.length]}${i % sentenceEvery === sentenceEvery - 1 ? '. ' : ' '}`;
  return out;
}

const MB = 1_000_000;

process.stdout.write(
  `${'case'.padEnd(40)} ${'whole input'.padStart(12)} ${'(step)'.padEnd(18)} ${'1 piece'.padStart(10)} ${'total'.padStart(12)}\n`,
);

// Words and sentences.
textCase('one 350,000-letter word', 'a'.repeat(350_000));
textCase('one 1 MB word', 'b'.repeat(MB));
textCase('1 MB word of hyphenated parts', 'ab-'.repeat(MB / 3));
textCase('1 MB sentence without punctuation', prose(MB, Number.MAX_SAFE_INTEGER));
textCase('1 MB of quotation marks', '"a" '.repeat(MB / 4));
textCase('1 MB of curly quotes, unclosed', '“a '.repeat(MB / 3));
textCase('1 MB of "was said"', 'was said '.repeat(MB / 9));
textCase('1 MB of initials "A. "', 'A. '.repeat(MB / 3));
textCase('1 MB of brackets', '(a '.repeat(MB / 3) + ')'.repeat(1000));
textCase('1 MB of capitalised words', 'Alpha Beta, '.repeat(MB / 12));
textCase('1 MB of "not verified"', 'not a b c verified '.repeat(MB / 19));
textCase('1 MB of list markers "1. "', Array.from({ length: MB / 6 }, (_, i) => `${i % 999}. a `).join(''));
textCase('ordinary prose, 1 MB', prose(MB));

// Titles and other short fields.
runCase('feed title of 100,000 "<"', [['plainText', () => plainText('<'.repeat(100_000))]]);
runCase('1 MB one-word title, story step', [
  ['clusterArticles', () => clusterArticles([{ id: 'a', title: 'c'.repeat(MB), text: prose(5000), outlet: 'A' }])],
]);

// Feeds.
const decl = '<?xml version="1.0"?>';
runCase('feed: whitespace after the declaration', [
  ['parseFeed', () => parseFeed(`${decl}${' \n'.repeat(50_000)}x`, 'application/xml', 'https://a.test/feed')],
]);
runCase('feed: 10,000 comments, no root', [
  ['parseFeed', () => parseFeed(`${decl}${'<!-- c -->'.repeat(10_000)}x`, 'application/xml', 'https://a.test/feed')],
]);
runCase('feed: unclosed comment after spaces', [
  ['parseFeed', () => parseFeed(`${decl}${' '.repeat(100_000)}<!--`, 'application/xml', 'https://a.test/feed')],
]);
runCase('feed: unclosed doctype', [
  ['parseFeed', () => parseFeed(`<!doctype x [${' '.repeat(100_000)}`, 'application/xml', 'https://a.test/feed')],
]);
const items = Array.from({ length: 100_000 }, (_, i) => `<item><title>Item ${i}</title><link>https://a.test/${i}</link></item>`).join('');
let kept = 0;
runCase(
  'feed: 100,000 items',
  [
    [
      'parseFeed',
      () =>
        (kept =
          (
            parseFeed(`<rss><channel><title>x</title>${items}</channel></rss>`, 'application/rss+xml', 'https://a.test/feed') as {
              feed?: { items: unknown[] };
            }
          ).feed?.items.length ?? 0),
    ],
  ],
  `(${(items.length / 1e6).toFixed(1)} MB)`,
);
process.stdout.write(`  items kept: ${kept}\n`);

// JSON Lines.
const goodLine = JSON.stringify({ url: 'https://a.test/1', outlet: 'A', title: 'T', text: prose(2000) });
runCase('JSON Lines: 1 MB line, CR-only line ends', [
  [
    'parseArticleLines',
    () =>
      parseArticleLines([goodLine, JSON.stringify({ url: 'https://a.test/2', outlet: 'B', title: 'T', text: 'd'.repeat(MB) })].join('\r')),
  ],
]);

if (process.argv.includes('--big')) {
  const text = prose(10 * MB, Number.MAX_SAFE_INTEGER);
  const line = JSON.stringify({ url: 'https://a.test/big', outlet: 'A', title: 'T', text });
  let parsed: ReturnType<typeof parseArticleLines> | undefined;
  runCase('JSON Lines: one 10 MB line, then align', [
    ['parseArticleLines', () => (parsed = parseArticleLines(`${goodLine}\n${line}\n`))],
    ['alignArticles', () => alignArticles(parsed?.articles.map((a) => a.article) ?? [])],
  ]);
  textCase('10 MB line without punctuation', text);
}

const worstPiece = rows.reduce((a, b) => ((b.piece ?? 0) > (a.piece ?? 0) ? b : a));
const worstWhole = rows.reduce((a, b) => (b.whole > a.whole ? b : a));
process.stdout.write(
  `\nworst pause on one sentence-sized piece: ${(worstPiece.piece ?? 0).toFixed(1)} ms (${worstPiece.name})\n` +
    `worst pause on a whole input: ${worstWhole.whole.toFixed(1)} ms (${worstWhole.name}, ${worstWhole.wholeStep})\n`,
);
