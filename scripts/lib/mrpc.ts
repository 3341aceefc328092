/**
 * Sentence-pair TSV files: the MRPC layout (`Quality, #1 ID, #2 ID, #1 String,
 * #2 String`, UTF-8 BOM, header) and its sources variant (`label … sentence1
 * sentence2`), or headerless `sentence<TAB>sentence` / `label<TAB>sentence<TAB>sentence`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { metrics, parsePairsTsv, type Metrics, type ParsedPairs, type SentencePair } from '../../lib/io/pairs-tsv';

export { metrics, parsePairsTsv, type Metrics, type ParsedPairs, type SentencePair };

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedDir(): string {
  return process.env.PARALLAX_SHARED ?? path.resolve(repoRoot, '../shared');
}

/** Reads the MRPC train split, or throws Error('missing: …'). */
export function readMrpcTrain(shared = sharedDir()): SentencePair[] {
  const file = path.join(shared, 'eval/mrpc/msr_paraphrase_train.txt');
  if (!existsSync(file)) throw new Error(`missing: ${file} (set PARALLAX_SHARED to the shared folder)`);
  const { pairs, errors } = parsePairsTsv(readFileSync(file, 'utf8'));
  if (errors.length)
    throw new Error(
      `malformed MRPC lines: ${errors
        .slice(0, 5)
        .map((e) => `${e.line}: ${e.message}`)
        .join('; ')}`,
    );
  return pairs;
}

/** Deterministic fold of each item (seeded shuffle), 0..k-1. */
export function foldsOf(n: number, k: number, seed = 20_200_106): number[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const folds = new Array<number>(n);
  order.forEach((idx, pos) => (folds[idx] = pos % k));
  return folds;
}

/** The threshold on `scores` that maximises accuracy against `gold` (midpoint between neighbours). */
export function bestThreshold(scores: number[], gold: number[]): number {
  const idx = scores.map((_, i) => i).sort((x, y) => scores[x]! - scores[y]!);
  let correct = gold.reduce((s, g) => s + g, 0);
  let best = correct;
  let bestT = (scores[idx[0]!] ?? 0) - 1e-9;
  for (let r = 0; r < idx.length; r++) {
    correct += gold[idx[r]!] ? -1 : 1;
    const next = idx[r + 1];
    if (next !== undefined && scores[next] === scores[idx[r]!]) continue;
    if (correct > best) {
      best = correct;
      bestT = next === undefined ? scores[idx[r]!]! + 1e-9 : (scores[idx[r]!]! + scores[next]!) / 2;
    }
  }
  return bestT;
}
