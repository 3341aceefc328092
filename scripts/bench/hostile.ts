/**
 * `npx tsx scripts/bench/hostile.ts [--big]`
 *
 * Hostile inputs through the engine's steps, each timed: over-long words,
 * sentences and titles, pathological punctuation, feeds built to make a
 * parser backtrack, a feed of 100,000 items, and (with --big) a 10 MB JSON
 * Lines line through the command line's whole pipeline. For each case it
 * prints the slowest single step ("worst pause": the longest the thread is
 * busy without a break) and the case's total; the aim is a worst pause under
 * 100 ms per sentence-sized step. A benchmark, not a test: nothing fails.
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
  worst: number;
  worstStep: string;
  total: number;
  note: string;
}

const rows: Row[] = [];

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/** Runs named steps in order, keeping the slowest. */
function runCase(name: string, steps: [string, () => unknown][], note = ''): void {
  let worst = 0;
  let worstStep = '';
  let total = 0;
  for (const [step, fn] of steps) {
    const [, ms] = timed(fn);
    total += ms;
    if (ms > worst) {
      worst = ms;
      worstStep = step;
    }
  }
  rows.push({ name, worst, worstStep, total, note });
  process.stdout.write(`${name.padEnd(44)} worst ${worst.toFixed(1).padStart(8)} ms (${worstStep})  total ${total.toFixed(1).padStart(8)} ms ${note}\n`);
}

/** The text steps of a stored article; each sentence's analysis is its own step, so the worst pause is per sentence. */
function textCase(name: string, text: string): void {
  const sentences = segmentSentences(text).map((s) => s.text);
  const steps: [string, () => unknown][] = [
    ['segment the whole text', () => segmentSentences(text)],
    ['language', () => detectLanguage(text.slice(0, 4000))],
  ];
  // The store and the matcher take each sentence's terms and analysis one sentence at a time.
  for (const s of sentences.slice(0, 2000)) steps.push(['terms of one sentence', () => contentTerms(s)], ['analyse one sentence', () => analyseSentence(s)]);
  runCase(name, steps, `(${(text.length / 1e6).toFixed(2)} M chars, ${sentences.length} sentences)`);
}

const words = 'the minister said on Tuesday that troops would not leave the country soon according to officials'.split(' ');
function prose(chars: number, sentenceEvery = 17): string {
  let out = '';
  for (let i = 0; out.length < chars; i++) out += `${words[i % words.length]}${i % sentenceEvery === sentenceEvery - 1 ? '. ' : ' '}`;
  return out;
}

const MB = 1_000_000;

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
runCase('feed: whitespace after the declaration', [['parseFeed', () => parseFeed(`${decl}${' \n'.repeat(50_000)}x`, 'application/xml', 'https://a.test/feed')]]);
runCase('feed: 10,000 comments, no root', [['parseFeed', () => parseFeed(`${decl}${'<!-- c -->'.repeat(10_000)}x`, 'application/xml', 'https://a.test/feed')]]);
runCase('feed: unclosed comment after spaces', [['parseFeed', () => parseFeed(`${decl}${' '.repeat(100_000)}<!--`, 'application/xml', 'https://a.test/feed')]]);
runCase('feed: unclosed doctype', [['parseFeed', () => parseFeed(`<!doctype x [${' '.repeat(100_000)}`, 'application/xml', 'https://a.test/feed')]]);
const items = Array.from({ length: 100_000 }, (_, i) => `<item><title>Item ${i}</title><link>https://a.test/${i}</link></item>`).join('');
let kept = 0;
runCase(
  'feed: 100,000 items',
  [['parseFeed', () => (kept = (parseFeed(`<rss><channel><title>x</title>${items}</channel></rss>`, 'application/rss+xml', 'https://a.test/feed') as { feed?: { items: unknown[] } }).feed?.items.length ?? 0)]],
  `(${(items.length / 1e6).toFixed(1)} MB)`,
);
process.stdout.write(`  items kept: ${kept}\n`);

// JSON Lines.
const goodLine = JSON.stringify({ url: 'https://a.test/1', outlet: 'A', title: 'T', text: prose(2000) });
runCase('JSON Lines: 1 MB line, CR-only line ends', [
  ['parseArticleLines', () => parseArticleLines([goodLine, JSON.stringify({ url: 'https://a.test/2', outlet: 'B', title: 'T', text: 'd'.repeat(MB) })].join('\r'))],
]);

if (process.argv.includes('--big')) {
  const text = prose(10 * MB, Number.MAX_SAFE_INTEGER);
  const line = JSON.stringify({ url: 'https://a.test/big', outlet: 'A', title: 'T', text });
  let parsed: ReturnType<typeof parseArticleLines> | undefined;
  runCase('JSON Lines: one 10 MB line, then align', [
    ['parseArticleLines', () => (parsed = parseArticleLines(`${goodLine}\n${line}\n`))],
    ['alignArticles', () => alignArticles(parsed?.articles.map((a) => a.article) ?? [])],
  ]);
  textCase('10 MB sentence without punctuation', text);
}

const worst = rows.reduce((a, b) => (b.worst > a.worst ? b : a));
process.stdout.write(`\nworst pause: ${worst.worst.toFixed(1)} ms (${worst.name}, ${worst.worstStep})\n`);
