/**
 * MRPC evaluation of the pair scorer.
 *
 *   evaluate(shared)   10-fold CV on the train split: the scorer's features
 *                      refitted per fold, beside always-paraphrase and TF-IDF
 *                      cosine with a per-fold tuned threshold.
 *   scorePairsTsv(tsv) scores a TSV of pairs with the shipped model.
 *
 *   npx tsx scripts/eval/mrpc.ts [pairs.tsv]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScorer } from '../../lib/match/scorer';
import { createTermStats } from '../../lib/match/term-stats';
import { analyseSentence } from '../../lib/text/analyse';
import { crossValidate } from '../lib/cv';
import { metrics, parsePairsTsv, readMrpcTrain, sharedDir } from '../lib/mrpc';
import { featurize } from '../lib/pair-features';

export { parsePairsTsv } from '../lib/mrpc';

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const f1 = (x: number): string => (100 * x).toFixed(1);

export async function evaluate(shared: string): Promise<string[]> {
  const pairs = readMrpcTrain(shared);
  const data = featurize(pairs);
  const cv = crossValidate(data);
  const lines = [
    `MRPC train, ${pairs.length} pairs, 10-fold cross-validation (accuracy, F1):`,
    `  always paraphrase        ${pct(cv.always.accuracy)}  ${f1(cv.always.f1)}`,
    `  TF-IDF cosine (tuned)    ${pct(cv.tfidf.accuracy)}  ${f1(cv.tfidf.f1)}`,
    `  pair scorer (refitted)   ${pct(cv.model.accuracy)}  ${f1(cv.model.f1)}`,
  ];
  const scored = scorePairsTsv(readFileSync(path.join(shared, 'eval/mrpc/msr_paraphrase_train.txt'), 'utf8'));
  lines.push(
    `  shipped model on train (fitted on it, not a held-out figure): ${pct(scored.accuracy ?? 0)}  ${f1(scored.f1 ?? 0)}`,
  );
  return lines;
}

export interface ScoredPairs {
  /** One row per well-formed line, in file order; `label` is the scorer's decision. */
  rows: { line: number; label: 0 | 1; probability: number; gold?: 0 | 1 }[];
  /** Malformed lines, by 1-based number. */
  errors: { line: number; message: string }[];
  /** Present when every row has a gold label. */
  accuracy?: number;
  f1?: number;
}

/**
 * Scores every pair of a TSV (MRPC layout with header, or headerless
 * `a<TAB>b` / `label<TAB>a<TAB>b`) with the shipped scorer. IDF comes from
 * the file's own sentences.
 */
export function scorePairsTsv(tsvText: string): ScoredPairs {
  const { pairs, errors } = parsePairsTsv(tsvText);
  const analyses = pairs.map((p) => [analyseSentence(p.a), analyseSentence(p.b)] as const);
  const stats = createTermStats(analyses.flatMap(([a, b]) => [a.terms, b.terms]));
  const scorer = createScorer();
  const rows = pairs.map((p, i) => {
    const [a, b] = analyses[i]!;
    const s = scorer.score(a, b, stats);
    return { line: p.line, label: (s.same ? 1 : 0) as 0 | 1, probability: s.probability, gold: p.label };
  });
  const out: ScoredPairs = { rows, errors };
  if (rows.length && rows.every((r) => r.gold !== undefined)) {
    const m = metrics(rows.map((r) => r.label), rows.map((r) => r.gold!));
    out.accuracy = m.accuracy;
    out.f1 = m.f1;
  }
  return out;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (file) {
    if (!existsSync(file)) throw new Error(`missing: ${file}`);
    const r = scorePairsTsv(readFileSync(file, 'utf8'));
    for (const e of r.errors) process.stderr.write(`line ${e.line}: ${e.message}\n`);
    for (const row of r.rows) process.stdout.write(`${row.line}\t${row.label}\t${row.probability.toFixed(4)}\n`);
    if (r.accuracy !== undefined) process.stdout.write(`accuracy ${pct(r.accuracy)}, F1 ${f1(r.f1 ?? 0)}\n`);
    return;
  }
  for (const line of await evaluate(sharedDir())) process.stdout.write(`${line}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  });
}
