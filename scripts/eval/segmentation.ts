/**
 * Scores the segmenter on the English "Golden Rules" (pySBD's list) kept in
 * `<shared>/eval/segmentation/golden-rules-en.json`, next to what
 * `Intl.Segmenter` alone gets on the same cases.
 *
 *   npx tsx scripts/eval/segmentation.ts [--verbose]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentSentences } from '../../lib/text/segment';

interface GoldenCase {
  text: string;
  expected: string[];
}

function intlSentences(text: string): string[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
}

const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

export async function evaluate(shared: string, verbose = false): Promise<string[]> {
  const file = path.join(shared, 'eval', 'segmentation', 'golden-rules-en.json');
  if (!existsSync(file)) throw new Error(`missing: ${file} (set PARALLAX_SHARED to the shared data folder)`);
  const cases = JSON.parse(readFileSync(file, 'utf8')) as GoldenCase[];
  let ours = 0;
  let intl = 0;
  const failures: string[] = [];
  for (const c of cases) {
    const got = segmentSentences(c.text).map((s) => s.text);
    if (same(got, c.expected)) ours++;
    else failures.push(`  FAIL ${JSON.stringify(c.text)}\n    expected ${JSON.stringify(c.expected)}\n    got      ${JSON.stringify(got)}`);
    if (same(intlSentences(c.text), c.expected)) intl++;
  }
  const lines = [`segmentation  golden rules passed: ${ours}/${cases.length} (Intl.Segmenter alone: ${intl}/${cases.length})`];
  if (verbose) lines.push(...failures);
  return lines;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const shared = process.env.PARALLAX_SHARED ?? path.resolve(repoRoot, '../shared');
  evaluate(shared, process.argv.includes('--verbose')).then(
    (lines) => {
      for (const l of lines) console.log(l);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
