import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'parallax.mjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const dir = mkdtempSync(path.join(tmpdir(), 'parallax-cli-'));
const quote = '“There has been no decision whatsoever to leave the valley,”';
const lines = [
  { id: 'a', url: 'https://ledger.test/a', outlet: 'Ledger', title: 'Minister denies valley withdrawal', text: `${quote} the defence minister Karl Brandt said on Monday. The river flooded four villages overnight near the valley.` },
  { id: 'b', url: 'https://courier.test/b', outlet: 'Courier', title: 'Brandt: no decision to leave the valley', text: `Karl Brandt insisted on Monday: ${quote} he told reporters. Troops stayed in the valley as the river flooded villages.` },
];
const good = path.join(dir, 'good.jsonl');
writeFileSync(good, lines.map((l) => JSON.stringify(l)).join('\n'));
const bad = path.join(dir, 'bad.jsonl');
writeFileSync(bad, [JSON.stringify(lines[0]), 'not json', JSON.stringify({ outlet: 'X', title: 'T', text: 'x' }), JSON.stringify(lines[1])].join('\n'));
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
writeFileSync(tsv, 'Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tThe minister said no decision was made.\tNo decision was made, the minister said.\n0\t3\t4\tThe river flooded four villages.\tApple sales fell this autumn.\n');

const diffPairs = path.join(dir, 'diff.jsonl');
writeFileSync(
  diffPairs,
  [
    JSON.stringify({ a: 'Katrin Aldous said 5,000 dock workers walked out on Monday.', b: 'Katrine Aldous said 4,000 dock workers walked out on Monday.' }),
    '{"a": "unterminated',
    JSON.stringify({ a: 'Dock workers walked out.', b: 42 }),
    '',
    JSON.stringify({ a: 'Officials denied that the cranes were inspected.', b: 'Officials said that the cranes were inspected.' }),
    JSON.stringify({ b: 'Only one side.' }),
  ].join('\n'),
);

describe('parallax command line', () => {
  test('--help for the tool and each command', () => {
    expect(run('--help').out).toMatch(/parallax align/);
    expect(run('--help').out).toMatch(/parallax diff/);
    for (const c of ['align', 'cluster', 'pairs', 'diff']) {
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
    expect(r.out.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'b']);
  }, 60_000);

  test('CR line ends, an empty "html" and a megabyte-long word: one bad line, every good line processed', () => {
    const r = run('cluster', hostile);
    expect(r.code).toBe(0);
    expect(r.err.trim().split('\n')).toEqual(['hostile.jsonl: line 2: "html" is empty']);
    expect(r.out.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'w', 'b']);
  }, 60_000);

  test.each([
    ['a missing file', ['align', path.join(dir, 'nope.jsonl')], /no such file/],
    ['empty input', ['cluster', empty], /no articles/],
    ['an unknown command', ['frobnicate'], /unknown command/],
    ['a missing pairs file', ['diff', path.join(dir, 'nope.jsonl')], /no such file/],
    ['no pairs', ['diff', empty], /no sentence pairs/],
  ])('exit 2 with a clear message for %s', (_label, args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  }, 60_000);

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
});
