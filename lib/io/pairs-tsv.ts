/**
 * Sentence-pair TSV files: the MRPC layout (`Quality, #1 ID, #2 ID, #1 String,
 * #2 String`, UTF-8 BOM, header) and its sources variant (`label … sentence1
 * sentence2`), or headerless `sentence<TAB>sentence` / `label<TAB>sentence<TAB>sentence`;
 * and their scoring with the shipped pair scorer (`parallax pairs`).
 */
import { createScorer } from '../match/scorer';
import { createTermStats } from '../match/term-stats';
import { analyseSentence } from '../text/analyse';

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
    const m = metrics(
      rows.map((r) => r.label),
      rows.map((r) => r.gold!),
    );
    out.accuracy = m.accuracy;
    out.f1 = m.f1;
  }
  return out;
}
