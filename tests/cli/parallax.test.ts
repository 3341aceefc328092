import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'parallax.mjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const dir = mkdtempSync(path.join(tmpdir(), 'parallax-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quote = '“There has been no decision whatsoever to leave the valley,”';
const lines = [
  {
    id: 'a',
    url: 'https://ledger.test/a',
    outlet: 'Ledger',
    title: 'Minister denies valley withdrawal',
    text: `${quote} the defence minister Karl Brandt said on Monday. The river flooded four villages overnight near the valley.`,
  },
  {
    id: 'b',
    url: 'https://courier.test/b',
    outlet: 'Courier',
    title: 'Brandt: no decision to leave the valley',
    text: `Karl Brandt insisted on Monday: ${quote} he told reporters. Troops stayed in the valley as the river flooded villages.`,
  },
];
const good = path.join(dir, 'good.jsonl');
writeFileSync(good, lines.map((l) => JSON.stringify(l)).join('\n'));
const bad = path.join(dir, 'bad.jsonl');
writeFileSync(
  bad,
  [JSON.stringify(lines[0]), 'not json', JSON.stringify({ outlet: 'X', title: 'T', text: 'x' }), JSON.stringify(lines[1])].join('\n'),
);
// Old Mac line ends, a byte-order mark on a later line, an empty "html" and a one-word line of a megabyte.
const hostile = path.join(dir, 'hostile.jsonl');
writeFileSync(
  hostile,
  [
    JSON.stringify(lines[0]),
    JSON.stringify({ url: 'https://x.test/h', outlet: 'X', title: 'T', html: '' }),
    `\uFEFF${JSON.stringify({ id: 'w', url: 'https://x.test/w', outlet: 'Wordy', title: 'w'.repeat(1_000_000), text: 'w'.repeat(1_000_000) })}`,
    JSON.stringify(lines[1]),
  ].join('\r'),
);
const empty = path.join(dir, 'empty.jsonl');
writeFileSync(empty, '\n\n');
const tsv = path.join(dir, 'pairs.tsv');
writeFileSync(
  tsv,
  'Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tThe minister said no decision was made.\tNo decision was made, the minister said.\n0\t3\t4\tThe river flooded four villages.\tApple sales fell this autumn.\n',
);

const diffPairs = path.join(dir, 'diff.jsonl');
writeFileSync(
  diffPairs,
  [
    JSON.stringify({
      a: 'Katrin Aldous said 5,000 dock workers walked out on Monday.',
      b: 'Katrine Aldous said 4,000 dock workers walked out on Monday.',
    }),
    '{"a": "unterminated',
    JSON.stringify({ a: 'Dock workers walked out.', b: 42 }),
    '',
    JSON.stringify({ a: 'Officials denied that the cranes were inspected.', b: 'Officials said that the cranes were inspected.' }),
    JSON.stringify({ b: 'Only one side.' }),
  ].join('\n'),
);

const para = [
  'The river authority opened the new lock gates at Halden on Thursday after three years of construction work on the canal.',
  'Engineers said the gates would let barges of up to 2,000 tonnes pass the weir for the first time since the 1970s.',
  'Local businesses welcomed the opening, saying freight had been moved by road for too long and at a high cost.',
  'The authority said the project came in under its budget of 48 million, and that the old gates would go to a museum.',
  'Boat owners will be able to book passages through the lock online from next month, the authority added.',
];
const articleHtml = `<!doctype html><html lang="en"><head><title>Lock gates open at Halden | Canal Weekly</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Canal Weekly">
<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2024-05-02T08:00:00Z"></head>
<body><h1>Lock gates open at Halden</h1>${para.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
const savedPage = path.join(dir, 'lock-gates.html');
writeFileSync(savedPage, articleHtml);
const pagesFile = path.join(dir, 'pages.jsonl');
writeFileSync(
  pagesFile,
  [
    JSON.stringify({ id: 'gates', url: 'https://canal.test/news/lock-gates', html: articleHtml }),
    'not json',
    JSON.stringify({ url: 'https://canal.test/brief', html: `<html><body><p>${para[0]}</p></body></html>` }),
  ].join('\n'),
);

describe('parallax command line', () => {
  test('--help for the tool and each command', () => {
    expect(run('--help').out).toMatch(/parallax align/);
    expect(run('--help').out).toMatch(/parallax diff/);
    for (const c of ['align', 'cluster', 'pairs', 'diff', 'extract']) {
      const r = run(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`parallax ${c}`);
    }
  }, 120_000);

  test('align --json groups the repeated quotation across the two outlets', () => {
    const r = run('align', good, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { stories: { articles: unknown[]; claims: { sentences: { articleId: string; text: string }[] }[] }[] };
    expect(out.stories).toHaveLength(1);
    const claim = out.stories[0]!.claims.find((c) => c.sentences.some((s) => s.text.includes('no decision whatsoever')));
    expect(claim?.sentences.map((s) => s.articleId).sort()).toEqual(['a', 'b']);
  }, 60_000);

  test('align without --json prints a readable report', () => {
    const r = run('align', good);
    expect(r.out).toMatch(/Story .*\n.*2 article\(s\) from Ledger, Courier/);
  }, 60_000);

  test('malformed lines are reported with their number, the others still processed', () => {
    const r = run('cluster', bad);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/line 2: not JSON/);
    expect(r.err).toMatch(/line 3: missing "url"/);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual(['a', 'b']);
  }, 60_000);

  test('CR line ends, an empty "html" and a megabyte-long word: one bad line, every good line processed', () => {
    const r = run('cluster', hostile);
    expect(r.code).toBe(0);
    expect(r.err.trim().split('\n')).toEqual(['hostile.jsonl: line 2: "html" is empty']);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual(['a', 'w', 'b']);
  }, 60_000);

  test.each([
    ['a missing file', ['align', path.join(dir, 'nope.jsonl')], /no such file/],
    ['empty input', ['cluster', empty], /no articles/],
    ['an unknown command', ['frobnicate'], /unknown command/],
    ['a missing pairs file', ['diff', path.join(dir, 'nope.jsonl')], /no such file/],
    ['no pairs', ['diff', empty], /no sentence pairs/],
    ['extract of a missing file', ['extract', path.join(dir, 'nope.html'), '--url', 'https://canal.test/x'], /no such file/],
    ['extract of a saved page without its address', ['extract', savedPage], /--url/],
  ])(
    'exit 2 with a clear message for %s',
    (_label, args, message) => {
      const r = run(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    },
    60_000,
  );

  test('pairs prints label and score per pair, and --eval the accuracy', () => {
    const r = run('pairs', tsv, '--eval');
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n');
    expect(rows[0]).toMatch(/^[01]\t0\.\d{4}$/);
    expect(rows[2]).toMatch(/^accuracy \d+\.\d % {2}F1/);
  }, 60_000);

  test('diff prints the shown differences of each good pair, and reports the bad lines by number', () => {
    const r = run('diff', diffPairs);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/line 2: not JSON/);
    expect(r.err).toMatch(/line 3: "b" is not a string/);
    expect(r.err).toMatch(/line 6: missing "a"/);
    const out = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { differences: { type: string; a: string; b: string; label: string }[] });
    expect(out).toHaveLength(2);
    expect(out[0]!.differences).toEqual([
      { type: 'number', a: '5,000', b: '4,000', label: '5,000 · 4,000' },
      { type: 'name_spelling', a: 'Katrin', b: 'Katrine', label: 'spelled Katrin here, Katrine there' },
    ]);
    // A negation is computed but not shown to readers (lib/diff/config.ts SHOWN_TYPES), so not printed.
    expect(out[1]!.differences).toEqual([]);
  }, 60_000);

  test('extract reads a saved page as the extension does: outlet, title without its suffix, byline, date, text', () => {
    const r = run('extract', savedPage, '--url', 'https://canal.test/news/lock-gates');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        id: 'lock-gates',
        ok: true,
        url: 'https://canal.test/news/lock-gates',
        title: 'Lock gates open at Halden',
        outlet: 'Canal Weekly',
        byline: 'Ann Lee',
        publishedAt: '2024-05-02T08:00:00.000Z',
        text: para.join('\n\n'),
      },
    ]);
  }, 60_000);

  test('extract of JSON Lines: one line per page, refusals with their reason, bad lines on stderr', () => {
    const r = run('extract', pagesFile);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/line 2: not JSON/);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; ok: boolean; reason?: string; outlet?: string });
    expect(lines.map((l) => [l.id, l.ok])).toEqual([
      ['gates', true],
      ['3', false],
    ]);
    expect(lines[0]!.outlet).toBe('Canal Weekly');
    expect(lines[1]!.reason).toMatch(/not an article: too little text/);
  }, 60_000);
});
