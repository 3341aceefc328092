/**
 * Features of a sentence pair for the claim scorer. Every feature is
 * symmetric in the two sentences (min/max of the two directions) so the score
 * does not depend on argument order. Per-sentence data is cached on the
 * analysis object.
 */
import { engineCache } from '../text/bounded-cache';
import { quotationWords } from '../text/tokens';
import { intersects, type Lexicon, type Relation } from '../lexicon/lexicon';
import type { SentenceAnalysis } from '../text/analyse';
import { isNegationWord } from '../text/cues';
import { idf, type TermStats } from './term-stats';
import { MAX_UNIT_IDS, VECTOR_FLOOR, WORD_CACHE_LIMIT } from './config';

/** One content word of a sentence, with what the lexicon knows about it. */
export interface Unit {
  raw: string;
  norm: string;
  stem: string;
  /** Lexicon id of the word (or of its dictionary form), -1 when unknown. */
  id: number;
  family: number;
  synsets: Int32Array;
  /** Direct hypernyms of all its senses, ascending. */
  hypernyms: Int32Array;
  /** The phrase it starts ("pulled out"), whose senses are merged into `synsets`. */
  phrase?: string;
  /** Unit-length word vector, when the lexicon has one. */
  vector?: Float32Array;
  isNumber: boolean;
  isName: boolean;
}

export interface Prepared {
  units: Unit[];
  stems: Set<string>;
  /** Hashes of stem bigrams, trigrams and character 4-grams, ascending and unique. */
  bigrams: Int32Array;
  trigrams: Int32Array;
  chars: Int32Array;
  numbers: Set<string>;
  names: Set<string>;
  quotes: string[];
  negations: number;
  tokenCount: number;
}

const EMPTY = new Int32Array(0);

function sortedUnique(values: number[]): Int32Array {
  if (!values.length) return EMPTY;
  const arr = Int32Array.from(values).sort();
  let n = 1;
  for (let i = 1; i < arr.length; i++) if (arr[i] !== arr[n - 1]) arr[n++] = arr[i]!;
  return arr.subarray(0, n);
}

interface WordInfo {
  id: number;
  base: number;
  family: number;
  synsets: Int32Array;
  hypernyms: Int32Array;
  /** Unit-length vector, or undefined. */
  vector?: Float32Array;
}

// Word-level data depends only on the word and the lexicon: computed once per
// word, for the lexicon last asked (another lexicon empties the cache first).
const wordCache = engineCache<string, WordInfo>('lexicon words', WORD_CACHE_LIMIT);
let wordCacheLexicon: Lexicon | undefined;

function senses(lex: Lexicon, ids: number[]): { synsets: Int32Array; hypernyms: Int32Array } {
  const syn: number[] = [];
  for (const i of ids) for (const s of lex.synsets(i)) syn.push(s);
  const synsets = sortedUnique(syn);
  const hyp: number[] = [];
  for (const s of synsets) for (const h of lex.hypernyms(s)) hyp.push(h);
  return { synsets, hypernyms: sortedUnique(hyp) };
}

function wordInfo(lex: Lexicon, norm: string): WordInfo {
  if (lex !== wordCacheLexicon) {
    wordCache.clear();
    wordCacheLexicon = lex;
  }
  let info = wordCache.get(norm);
  if (info) return info;
  let id = lex.id(norm);
  if (id < 0 && norm.includes('-')) id = lex.id(norm.replace(/-/g, ' '));
  const base = id >= 0 ? lex.lemma(id) : -1;
  let vector: Float32Array | undefined;
  const raw = lex.vector(base >= 0 ? base : id) ?? lex.vector(id);
  if (raw) {
    let n = 0;
    for (const v of raw) n += v * v;
    n = Math.sqrt(n) || 1;
    vector = Float32Array.from(raw, (v) => v / n);
  }
  info = { id, base, family: id >= 0 ? lex.family(id) : 0, ...senses(lex, id >= 0 ? [id] : []), vector };
  wordCache.set(norm, info);
  return info;
}

/** FNV-1a, 32 bits: n-gram sets compared as sorted integers, not strings. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

const QUOTE_RE = /["“”]([^"“”]{3,})["“”]/g;

const cache = new WeakMap<SentenceAnalysis, Prepared>();

export function prepare(a: SentenceAnalysis, lex: Lexicon): Prepared {
  let p = cache.get(a);
  if (p) return p;
  const toks = a.tokens;
  const units: Unit[] = [];
  const stems = new Set<string>();
  const numbers = new Set<string>();
  const names = new Set<string>();
  let negations = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (isNegationWord(t.norm)) negations++;
    if (t.isNumber) numbers.add(t.stem.replace(/%$/, ''));
    // Capitalised words that do not start the sentence stand for names.
    const isName = t.isCapitalized && i > 0 && !t.isStop;
    if (isName) names.add(t.stem);
    if (t.isStop) continue;
    stems.add(t.stem);
    const info = wordInfo(lex, t.norm);
    let { synsets, hypernyms } = info;
    let phrase: string | undefined;
    const next = toks[i + 1];
    if (next && next.start - t.end <= 1) {
      const pid = lex.id(`${info.base >= 0 ? lex.word(info.base) : t.norm} ${next.norm}`);
      if (pid >= 0) {
        ({ synsets, hypernyms } = senses(lex, info.id >= 0 ? [info.id, pid] : [pid]));
        phrase = `${t.raw} ${next.raw}`;
      }
    }
    units.push({
      raw: t.raw,
      norm: t.norm,
      stem: t.stem,
      id: info.base >= 0 ? info.base : info.id,
      family: info.family,
      synsets,
      hypernyms,
      vector: info.vector,
      phrase,
      isNumber: t.isNumber,
      isName,
    });
  }
  for (const n of a.numbers ?? []) numbers.add(String(n.value));
  for (const n of a.names ?? []) for (const w of n.text.toLowerCase().split(/\s+/)) names.add(w);
  const norms = toks.map((t) => t.stem);
  const bi: number[] = [];
  const tri: number[] = [];
  for (let i = 0; i + 1 < norms.length; i++) {
    bi.push(hash(`${norms[i]} ${norms[i + 1]}`));
    if (i + 2 < norms.length) tri.push(hash(`${norms[i]} ${norms[i + 1]} ${norms[i + 2]}`));
  }
  const flat = toks.map((t) => t.norm).join(' ');
  const ch: number[] = [];
  for (let i = 0; i + 4 <= flat.length; i++) ch.push(hash(flat.slice(i, i + 4)));
  const bigrams = sortedUnique(bi);
  const trigrams = sortedUnique(tri);
  const chars = sortedUnique(ch);
  const quotes = a.quotes?.length ? a.quotes.map((q) => q.text) : [...a.text.matchAll(QUOTE_RE)].map((m) => m[1]!);
  p = { units, stems, bigrams, trigrams, chars, numbers, names, quotes, negations, tokenCount: toks.length };
  cache.set(a, p);
  return p;
}

/** Strength of each kind of word alignment, identical stem first. */
export const ALIGN_WEIGHT: Record<Relation, number> = { same: 1, family: 0.9, synonym: 0.8, hypernym: 0.6 };

export interface Alignment {
  i: number;
  j: number;
  score: number;
  relation: Relation | 'similar';
}

function relate(a: Unit, b: Unit): Relation | undefined {
  if (a.stem === b.stem) return 'same';
  if (a.family !== 0 && a.family === b.family) return 'family';
  if (a.synsets.length && b.synsets.length) {
    if (intersects(a.synsets, b.synsets)) return 'synonym';
    if (intersects(a.hypernyms, b.synsets) || intersects(b.hypernyms, a.synsets)) return 'hypernym';
  }
  return undefined;
}

function cosine(a: Unit, b: Unit): number {
  const va = a.vector;
  const vb = b.vector;
  if (!va || !vb) return 0;
  let s = 0;
  for (let d = 0; d < va.length; d++) s += va[d]! * vb[d]!;
  return s;
}

// ---------------------------------------------------------------------------
// Word-pair memo. How two content words relate depends only on the words
// (their stems, senses, family and vector), not on the sentences around them,
// and a story's sentences keep pairing the same words: each word pair is
// worked out once and looked up afterwards.

// Units with identical word data share one integer key.
const unitIds = new Map<string, number>();
const vectorIds = new WeakMap<Float32Array, number>();
let nextVectorId = 1;
let keyGeneration = 0;
const preparedKeys = new WeakMap<Prepared, { generation: number; keys: Int32Array }>();

function unitKey(u: Unit): number {
  let vid = 0;
  if (u.vector) {
    vid = vectorIds.get(u.vector) ?? 0;
    if (!vid) vectorIds.set(u.vector, (vid = nextVectorId++));
  }
  const text = `${u.stem}\u0001${u.norm}\u0001${u.isNumber ? 1 : 0}\u0001${u.family}\u0001${vid}\u0001${u.phrase?.toLowerCase() ?? ''}\u0001${u.synsets.join(',')}\u0001${u.hypernyms.join(',')}`;
  let id = unitIds.get(text);
  if (id === undefined) unitIds.set(text, (id = unitIds.size));
  return id;
}

function keysOf(p: Prepared): Int32Array {
  const c = preparedKeys.get(p);
  if (c && c.generation === keyGeneration) return c.keys;
  if (unitIds.size + p.units.length > MAX_UNIT_IDS) {
    unitIds.clear();
    keyGeneration++;
  }
  const keys = new Int32Array(p.units.length);
  for (let i = 0; i < keys.length; i++) keys[i] = unitKey(p.units[i]!);
  preparedKeys.set(p, { generation: keyGeneration, keys });
  return keys;
}

/** Integer keys of two sentences' units, equal keys for units with equal word data (same numbering for both). */
export function unitKeyPair(pa: Prepared, pb: Prepared): [Int32Array, Int32Array, number] {
  for (;;) {
    const generation = keyGeneration;
    const ka = keysOf(pa);
    const kb = keysOf(pb);
    if (generation === keyGeneration) return [ka, kb, generation];
  }
}

/** Bounded memo of a symmetric function of two unit keys: open addressing, emptied when 60 % full. */
export interface PairMemo {
  /** The stored value for the (unordered) key pair, NaN when none. */
  get(x: number, y: number, generation: number): number;
  set(x: number, y: number, value: number): void;
}

export function createPairMemo(bits = 17): PairMemo {
  const size = 1 << bits;
  const mask = size - 1;
  const limit = Math.floor(size * 0.6);
  const keyA = new Int32Array(size).fill(-1);
  const keyB = new Int32Array(size);
  const values = new Float64Array(size);
  let count = 0;
  let generation = -1;
  const slot = (x: number, y: number): number => {
    let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b)) >>> (32 - bits);
    for (;;) {
      const k = keyA[h]!;
      if (k === -1 || (k === x && keyB[h] === y)) return h;
      h = (h + 1) & mask;
    }
  };
  return {
    get(x, y, gen) {
      if (gen !== generation) {
        if (count) keyA.fill(-1);
        count = 0;
        generation = gen;
      }
      const h = x <= y ? slot(x, y) : slot(y, x);
      return keyA[h] === -1 ? NaN : values[h]!;
    },
    set(x, y, value) {
      if (x > y) [x, y] = [y, x];
      if (count >= limit) {
        keyA.fill(-1);
        count = 0;
      }
      const h = slot(x, y);
      if (keyA[h] === -1) count++;
      keyA[h] = x;
      keyB[h] = y;
      values[h] = value;
    },
  };
}

// Memo values of the aligner: a negative code for a lexical relation, else the 'similar' score (0: no link).
const RELATION_CODES: readonly Relation[] = ['same', 'family', 'synonym', 'hypernym'];
const alignMemo = new WeakMap<Lexicon, PairMemo>();
let defaultAlignMemo: PairMemo | undefined;

function linkValue(ua: Unit, ub: Unit): number {
  const rel = relate(ua, ub);
  if (rel) return -1 - RELATION_CODES.indexOf(rel);
  if (ua.isNumber || ub.isNumber) return 0;
  const c = cosine(ua, ub);
  return c >= VECTOR_FLOOR ? 0.5 * c : 0;
}

/** Greedy one-to-one alignment of content words, strongest links first. */
export function align(pa: Prepared, pb: Prepared, lex?: Lexicon): Alignment[] {
  let memo: PairMemo;
  if (lex) {
    let m = alignMemo.get(lex);
    if (!m) alignMemo.set(lex, (m = createPairMemo()));
    memo = m;
  } else memo = defaultAlignMemo ??= createPairMemo();
  const [ka, kb, generation] = unitKeyPair(pa, pb);
  const cands: Alignment[] = [];
  for (let i = 0; i < pa.units.length; i++) {
    const x = ka[i]!;
    for (let j = 0; j < pb.units.length; j++) {
      const y = kb[j]!;
      let v = memo.get(x, y, generation);
      if (v !== v) {
        v = linkValue(pa.units[i]!, pb.units[j]!);
        memo.set(x, y, v);
      }
      if (v < 0) {
        const rel = RELATION_CODES[-1 - v]!;
        cands.push({ i, j, score: ALIGN_WEIGHT[rel], relation: rel });
      } else if (v > 0) cands.push({ i, j, score: v, relation: 'similar' });
    }
  }
  cands.sort((x, y) => y.score - x.score);
  const usedA = new Uint8Array(pa.units.length);
  const usedB = new Uint8Array(pb.units.length);
  const out: Alignment[] = [];
  for (const c of cands) {
    if (usedA[c.i] || usedB[c.j]) continue;
    usedA[c.i] = 1;
    usedB[c.j] = 1;
    out.push(c);
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): [number, number] {
  if (!a.size || !b.size) return [0, 0];
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) n++;
  const ra = n / a.size;
  const rb = n / b.size;
  return [Math.min(ra, rb), Math.max(ra, rb)];
}

function overlapSorted(a: Int32Array, b: Int32Array): [number, number] {
  if (!a.length || !b.length) return [0, 0];
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const ra = n / a.length;
  const rb = n / b.length;
  return [Math.min(ra, rb), Math.max(ra, rb)];
}

function lcs(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

export const FEATURE_NAMES = [
  'unigram_min',
  'unigram_max',
  'bigram_min',
  'bigram_max',
  'trigram_min',
  'trigram_max',
  'idf_overlap_min',
  'idf_overlap_max',
  'aligned_min',
  'aligned_max',
  'aligned_idf_min',
  'aligned_idf_max',
  'unaligned_idf_max',
  'lexical_links',
  'vector_links',
  'sentence_cosine',
  'char4_min',
  'char4_max',
  'length_diff',
  'numbers_present',
  'numbers_mismatch',
  'names_mismatch',
  'shared_quote',
  'negation_mismatch',
  'lcs_min',
  'lcs_max',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Fitted logistic regression over standardised features (lib/match/model.ts). */
export interface LinearModelParams {
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
}

export interface PairFeatures {
  values: Float64Array;
  alignment: Alignment[];
  a: Prepared;
  b: Prepared;
}

export function computeFeatures(a: SentenceAnalysis, b: SentenceAnalysis, stats: TermStats, lex: Lexicon): PairFeatures {
  const pa = prepare(a, lex);
  const pb = prepare(b, lex);
  const alignment = align(pa, pb, lex);
  const maxIdf = Math.log(stats.docCount + 2) || 1;
  const w = (u: Unit): number => Math.max(0.05, idf(stats, u.stem) / maxIdf);
  const wa = pa.units.map(w);
  const wb = pb.units.map(w);
  const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
  const totA = sum(wa) || 1;
  const totB = sum(wb) || 1;

  // Exact IDF overlap of content stems.
  let sharedA = 0;
  let sharedB = 0;
  pa.units.forEach((u, i) => {
    if (pb.stems.has(u.stem)) sharedA += wa[i]!;
  });
  pb.units.forEach((u, j) => {
    if (pa.stems.has(u.stem)) sharedB += wb[j]!;
  });

  // Alignment coverage, plain and IDF-weighted.
  let alA = 0;
  let alB = 0;
  let plain = 0;
  let lexical = 0;
  let vectorLinks = 0;
  const alignedA = new Uint8Array(pa.units.length);
  const alignedB = new Uint8Array(pb.units.length);
  for (const al of alignment) {
    alA += al.score * wa[al.i]!;
    alB += al.score * wb[al.j]!;
    plain += al.score;
    alignedA[al.i] = 1;
    alignedB[al.j] = 1;
    if (al.relation === 'similar') vectorLinks++;
    else if (al.relation !== 'same') lexical++;
  }
  let unalignedMax = 0;
  pa.units.forEach((_, i) => {
    if (!alignedA[i]) unalignedMax = Math.max(unalignedMax, wa[i]!);
  });
  pb.units.forEach((_, j) => {
    if (!alignedB[j]) unalignedMax = Math.max(unalignedMax, wb[j]!);
  });
  const na = pa.units.length || 1;
  const nb = pb.units.length || 1;
  const minN = Math.min(na, nb);

  // IDF-weighted mean vectors.
  const dims = 64;
  const ma = new Float64Array(dims);
  const mb = new Float64Array(dims);
  const addVec = (m: Float64Array, u: Unit, weight: number): void => {
    const v = u.vector;
    if (!v) return;
    for (let d = 0; d < v.length; d++) m[d]! += v[d]! * weight;
  };
  pa.units.forEach((u, i) => addVec(ma, u, wa[i]!));
  pb.units.forEach((u, j) => addVec(mb, u, wb[j]!));
  let dot = 0;
  let n1 = 0;
  let n2 = 0;
  for (let d = 0; d < dims; d++) {
    dot += ma[d]! * mb[d]!;
    n1 += ma[d]! ** 2;
    n2 += mb[d]! ** 2;
  }
  const sentenceCosine = n1 && n2 ? dot / Math.sqrt(n1 * n2) : 0;

  const [uMin, uMax] = overlap(pa.stems, pb.stems);
  const [bMin, bMax] = overlapSorted(pa.bigrams, pb.bigrams);
  const [tMin, tMax] = overlapSorted(pa.trigrams, pb.trigrams);
  const [cMin, cMax] = overlapSorted(pa.chars, pb.chars);

  const numbersPresent = pa.numbers.size > 0 || pb.numbers.size > 0 ? 1 : 0;
  let numbersMismatch = 0;
  if (numbersPresent) {
    const union = new Set([...pa.numbers, ...pb.numbers]);
    let shared = 0;
    for (const x of pa.numbers) if (pb.numbers.has(x)) shared++;
    numbersMismatch = 1 - shared / union.size;
  }
  let namesMismatch = 0;
  if (pa.names.size || pb.names.size) {
    const union = new Set([...pa.names, ...pb.names]);
    let shared = 0;
    for (const x of pa.names) if (pb.names.has(x)) shared++;
    namesMismatch = (union.size - shared) / union.size;
  }
  const sharedQuote = findSharedQuote(pa, pb) ? 1 : 0;
  const negationMismatch = pa.negations > 0 !== pb.negations > 0 ? 1 : 0;
  const seqA = pa.units.map((u) => u.stem);
  const seqB = pb.units.map((u) => u.stem);
  const l = lcs(seqA, seqB);

  const r1 = alA / totA;
  const r2 = alB / totB;
  const values = Float64Array.from([
    uMin,
    uMax,
    bMin,
    bMax,
    tMin,
    tMax,
    Math.min(sharedA / totA, sharedB / totB),
    Math.max(sharedA / totA, sharedB / totB),
    plain / Math.max(na, nb),
    plain / minN,
    Math.min(r1, r2),
    Math.max(r1, r2),
    unalignedMax,
    lexical / minN,
    vectorLinks / minN,
    sentenceCosine,
    cMin,
    cMax,
    Math.abs(pa.tokenCount - pb.tokenCount) / Math.max(pa.tokenCount, pb.tokenCount, 1),
    numbersPresent,
    numbersMismatch,
    namesMismatch,
    sharedQuote,
    negationMismatch,
    l / Math.max(na, nb),
    l / minN,
  ]);
  return { values, alignment, a: pa, b: pb };
}

/** The longest quotation of one sentence that the other repeats (mostly) word for word. */
export function findSharedQuote(pa: Prepared, pb: Prepared): string | undefined {
  if (!pa.quotes.length || !pb.quotes.length) return undefined;
  let best: string | undefined;
  for (const qa of pa.quotes) {
    const wordsA = quotationWords(qa);
    if (wordsA.length < 2) continue;
    for (const qb of pb.quotes) {
      const wordsB = new Set(quotationWords(qb));
      const shared = wordsA.filter((x) => wordsB.has(x)).length;
      if (shared / Math.max(wordsA.length, wordsB.size) >= 0.6 && (!best || qa.length > best.length)) best = qa;
    }
  }
  return best;
}
