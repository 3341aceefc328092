/**
 * The shipped lexical asset: WordNet synsets, hypernyms and morphological
 * families of a news vocabulary, plus reduced GloVe vectors. Built by
 * scripts/build-lexicon.ts (npm run build:assets) into ./generated/.
 */
import generated from './generated/lexicon.json';
import { createVarintReader, fromBase64 } from './codec';
import type { LexiconAsset } from './format';

/** How two words are related, strongest first. */
export type Relation = 'same' | 'family' | 'synonym' | 'hypernym';

export interface Lexicon {
  readonly size: number;
  /** Id of a lower-case word or two-word expression ("pull out"), or -1. */
  id(word: string): number;
  word(id: number): string;
  /** Id of the dictionary form ("pulled" → "pull"), the id itself when it is one. */
  lemma(id: number): number;
  /** Ascending WordNet synset ids (all senses). */
  synsets(id: number): Int32Array;
  /** Ascending ids of the direct hypernyms of a synset. */
  hypernyms(synset: number): Int32Array;
  /** Morphological family (inflections and derivations), 0 when alone. */
  family(id: number): number;
  /** Quantised vector, or undefined outside the vector vocabulary. */
  vector(id: number): Int8Array | undefined;
  /** Words sharing a synset with `word` (lower-case, may include two-word expressions). */
  synonymsOf(word: string): string[];
  /** The strongest relation between two words, if any. */
  relation(a: string, b: string): Relation | undefined;
  /** Cosine of the two words' vectors, or undefined when either has none. */
  similarity(a: string, b: string): number | undefined;
  /**
   * Background rarity of a word id, 0 (the commonest words) to 1 (rarer than
   * the whole vocabulary): log of its frequency rank in general news and
   * encyclopedia text, a Zipf idf independent of any one story. 1 for -1.
   */
  rarity(id: number): number;
  /** `rarity` of a lower-case word or two-word expression; 1 when unknown. */
  backgroundIdf(word: string): number;
}

interface Decoded {
  offsets: Int32Array;
  values: Int32Array;
}

/** Decodes per-item lists (count, then deltas) into flat offsets and values. */
function decodeLists(b64: string, count: number): Decoded {
  const reader = createVarintReader(fromBase64(b64));
  const offsets = new Int32Array(count + 1);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    offsets[i] = values.length;
    const n = reader.next();
    let prev = 0;
    for (let k = 0; k < n; k++) {
      prev += reader.next();
      values.push(prev);
    }
  }
  offsets[count] = values.length;
  return { offsets, values: Int32Array.from(values) };
}

function decodeInts(b64: string, count: number): Int32Array {
  const reader = createVarintReader(fromBase64(b64));
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = reader.next();
  return out;
}

function slice(d: Decoded, i: number): Int32Array {
  return d.values.subarray(d.offsets[i] ?? 0, d.offsets[i + 1] ?? 0);
}

/** True when two ascending arrays share a value. */
export function intersects(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

export function createLexicon(asset: LexiconAsset): Lexicon {
  const words = asset.words.split('\n');
  const ids = new Map<string, number>();
  words.forEach((w, i) => ids.set(w, i));
  const synsets = decodeLists(asset.synsets, words.length);
  let synsetCount = 0;
  for (const s of synsets.values) synsetCount = Math.max(synsetCount, s + 1);
  const hypernyms = decodeLists(asset.hypernyms, synsetCount);
  const families = decodeInts(asset.families, words.length);
  const lemmas = decodeInts(asset.lemmas, words.length);
  // Assets built before the rarity prior carry none: every word then counts as rare.
  const rarityBytes = asset.rarity ? fromBase64(asset.rarity) : new Uint8Array(0);
  const vecBytes = fromBase64(asset.vectors.data);
  const vectors = new Int8Array(vecBytes.buffer, vecBytes.byteOffset, vecBytes.byteLength);
  const dims = asset.vectors.dims;
  const vectorNorms = new Float32Array(asset.vectors.count);
  for (let i = 0; i < asset.vectors.count; i++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += vectors[i * dims + d]! ** 2;
    vectorNorms[i] = Math.sqrt(s) || 1;
  }
  // Inverse of the synset lists, built on first use (only explanations need it).
  let members: Decoded | undefined;
  const membersOf = (synset: number): Int32Array => {
    if (!members) {
      const lists: number[][] = Array.from({ length: synsetCount }, () => []);
      for (let w = 0; w < words.length; w++) for (const s of slice(synsets, w)) lists[s]!.push(w);
      const offsets = new Int32Array(synsetCount + 1);
      const flat: number[] = [];
      lists.forEach((l, i) => {
        offsets[i] = flat.length;
        flat.push(...l);
      });
      offsets[synsetCount] = flat.length;
      members = { offsets, values: Int32Array.from(flat) };
    }
    return slice(members, synset);
  };

  const lex: Lexicon = {
    size: words.length,
    id: (w) => ids.get(w) ?? -1,
    word: (i) => words[i] ?? '',
    lemma: (i) => {
      const l = lemmas[i] ?? 0;
      return l > 0 ? l - 1 : i;
    },
    synsets: (i) => slice(synsets, i),
    hypernyms: (s) => slice(hypernyms, s),
    family: (i) => families[i] ?? 0,
    vector: (i) => (i >= 0 && i < asset.vectors.count ? vectors.subarray(i * dims, (i + 1) * dims) : undefined),
    synonymsOf(word) {
      const i = lex.id(word);
      if (i < 0) return [];
      const out = new Set<string>();
      for (const s of slice(synsets, i)) for (const m of membersOf(s)) if (m !== i) out.add(words[m]!);
      return [...out];
    },
    relation(a, b) {
      if (a === b) return 'same';
      const i = lex.id(a);
      const j = lex.id(b);
      if (i < 0 || j < 0) return undefined;
      const fi = lex.family(i);
      if (fi !== 0 && fi === lex.family(j)) return 'family';
      const si = slice(synsets, i);
      const sj = slice(synsets, j);
      if (intersects(si, sj)) return 'synonym';
      for (const s of si) if (intersects(slice(hypernyms, s), sj)) return 'hypernym';
      for (const s of sj) if (intersects(slice(hypernyms, s), si)) return 'hypernym';
      return undefined;
    },
    rarity: (i) => (i >= 0 && i < rarityBytes.length ? rarityBytes[i]! / 255 : 1),
    backgroundIdf(word) {
      const i = lex.id(word);
      return lex.rarity(i);
    },
    similarity(a, b) {
      const i = lex.id(a);
      const j = lex.id(b);
      const va = lex.vector(i);
      const vb = lex.vector(j);
      if (!va || !vb) return undefined;
      let s = 0;
      for (let d = 0; d < dims; d++) s += va[d]! * vb[d]!;
      return s / (vectorNorms[i]! * vectorNorms[j]!);
    },
  };
  return Object.assign(lex, { vectorNorm: (i: number) => vectorNorms[i] ?? 1 });
}

/** Norm of a word's quantised vector (for fast cosines without recomputing it). */
export function vectorNorm(lex: Lexicon, id: number): number {
  const f = (lex as Lexicon & { vectorNorm?: (i: number) => number }).vectorNorm;
  return f ? f(id) : 1;
}

let singleton: Lexicon | undefined;

/** The shipped lexicon, decoded on first use. */
export function getLexicon(): Lexicon {
  singleton ??= createLexicon(generated as unknown as LexiconAsset);
  return singleton;
}
