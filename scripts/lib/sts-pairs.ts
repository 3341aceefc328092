/** STS Benchmark pairs (news genre): graded similarity 0–5 read as "same claim" from 3 up ("roughly equivalent"). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseSentence, type SentenceAnalysis } from '../../lib/text/analyse';

export interface GradedPair {
  a: SentenceAnalysis;
  b: SentenceAnalysis;
  score: number;
  label: 0 | 1;
}

export const STS_SAME_CLAIM = 3;

export function readStsNews(shared: string, split: 'train' | 'dev' | 'test'): GradedPair[] {
  const file = path.join(shared, 'eval', 'stsbenchmark', `sts-${split}.csv`);
  if (!existsSync(file)) throw new Error(`missing: ${file} (set PARALLAX_SHARED to the shared data folder)`);
  const out: GradedPair[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 7 || f[0] !== 'main-news') continue;
    const score = Number(f[4]);
    if (!Number.isFinite(score)) continue;
    out.push({ a: analyseSentence(f[5]!), b: analyseSentence(f[6]!), score, label: score >= STS_SAME_CLAIM ? 1 : 0 });
  }
  return out;
}
