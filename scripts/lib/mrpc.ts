/**
 * Sentence-pair TSV files: the MRPC layout (`Quality, #1 ID, #2 ID, #1 String,
 * #2 String`, UTF-8 BOM, header) and its sources variant (`label … sentence1
 * sentence2`), or headerless `sentence<TAB>sentence` / `label<TAB>sentence<TAB>sentence`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SentencePair {
  /** 1-based line number in the file. */
  line: number;
  label?: 0 | 1;
  a: string;
  b: string;
}

export interface ParsedPairs {
  pairs: SentencePair[];
  /** Malformed lines, by 1-based line number. */
  errors: { line: number; message: string }[];
}

export function parsePairsTsv(text: string): ParsedPairs {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const pairs: SentencePair[] = [];
  const errors: { line: number; message: string }[] = [];
  let labelCol = -1;
  let aCol = 0;
  let bCol = 1;
  let first = 0;
  const header = (lines[0] ?? '').split('\t');
  const lower = header.map((h) => h.trim().toLowerCase());
  if (lower[0] === 'quality' || lower.includes('#1 string') || lower.includes('sentence1')) {
    labelCol = lower.findIndex((h) => h === 'quality' || h === 'label');
    aCol = lower.findIndex((h) => h === '#1 string' || h === 'sentence1');
    bCol = lower.findIndex((h) => h === '#2 string' || h === 'sentence2');
    if (aCol < 0 || bCol < 0) throw new Error('header lacks the two sentence columns');
    first = 1;
  }
  for (let i = first; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.trim()) continue;
    const f = raw.split('\t');
    let lc = labelCol;
    let ac = aCol;
    let bc = bCol;
    if (first === 0) {
      if (f.length === 3) [lc, ac, bc] = [0, 1, 2];
      else if (f.length !== 2) {
        errors.push({ line: i + 1, message: `expected 2 or 3 tab-separated fields, found ${f.length}` });
        continue;
      }
    } else if (f.length !== header.length) {
      errors.push({ line: i + 1, message: `expected ${header.length} fields, found ${f.length}` });
      continue;
    }
    const a = f[ac]?.trim() ?? '';
    const b = f[bc]?.trim() ?? '';
    if (!a || !b) {
      errors.push({ line: i + 1, message: 'empty sentence' });
      continue;
    }
    let label: 0 | 1 | undefined;
    if (lc >= 0) {
      const l = f[lc]?.trim();
      if (l !== '0' && l !== '1') {
        errors.push({ line: i + 1, message: `label must be 0 or 1, found "${l}"` });
        continue;
      }
      label = l === '1' ? 1 : 0;
    }
    pairs.push({ line: i + 1, label, a, b });
  }
  return { pairs, errors };
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedDir(): string {
  return process.env.PARALLAX_SHARED ?? path.resolve(repoRoot, '../shared');
}

/** Reads the MRPC train split, or throws Error('missing: …'). */
export function readMrpcTrain(shared = sharedDir()): SentencePair[] {
  const file = path.join(shared, 'eval/mrpc/msr_paraphrase_train.txt');
  if (!existsSync(file)) throw new Error(`missing: ${file} (set PARALLAX_SHARED to the shared folder)`);
  const { pairs, errors } = parsePairsTsv(readFileSync(file, 'utf8'));
  if (errors.length) throw new Error(`malformed MRPC lines: ${errors.slice(0, 5).map((e) => `${e.line}: ${e.message}`).join('; ')}`);
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

export interface Metrics {
  accuracy: number;
  f1: number;
}

export function metrics(pred: number[], gold: number[]): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let ok = 0;
  pred.forEach((p, i) => {
    const g = gold[i]!;
    if (p === g) ok++;
    if (p && g) tp++;
    else if (p && !g) fp++;
    else if (!p && g) fn++;
  });
  return { accuracy: ok / (pred.length || 1), f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0 };
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
