/**
 * MRPC evaluation of the pair scorer.
 *
 *   evaluate(shared)   10-fold CV on the train split: the scorer's features
 *                      refitted per fold, beside always-paraphrase and TF-IDF
 *                      cosine with a per-fold tuned threshold.
 *
 *   npx tsx scripts/eval/mrpc.ts [pairs.tsv]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossValidate } from '../lib/cv';
import { readMrpcTrain, sharedDir } from '../lib/mrpc';
import { featurize } from '../lib/pair-features';
import { scorePairsTsv } from '../../lib/io/pairs-tsv';

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
  lines.push(`  shipped model on train (fitted on it, not a held-out figure): ${pct(scored.accuracy ?? 0)}  ${f1(scored.f1 ?? 0)}`);
  return lines;
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
