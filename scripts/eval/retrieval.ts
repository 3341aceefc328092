/**
 * Candidate retrieval for the CheckThat! claim-retrieval evaluation
 * (./checkthat.ts): query clean-up for tweets, and a fielded BM25 (BM25F)
 * index with an optional adjacent-pair (bigram) bonus and optional lexicon
 * expansion of the query. Pure TypeScript, no I/O.
 *
 * It is an evaluation tool, not the product's search: the index holds every
 * document in memory and is built at once (no incremental, stored index for a
 * store of a million sentences), query words match stored stems exactly (a
 * misspelt word matches nothing), and the clean-up is for tweets. The popup
 * searches with lib/search/search.ts; ./checkthat.ts measures both.
 */
import type { Lexicon } from '../../lib/lexicon/lexicon';
import { contentTerms, tokenize } from '../../lib/text/tokens';

/** Splits "#DefundTheCBC" / "realDonaldTrump" style names into words. */
export function splitCompound(word: string): string {
  return word
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/_/g, ' ');
}

export interface TweetCleanOptions {
  /** Drop the embedded-tweet signature "— Name (@handle) Month d, yyyy". */
  dropSignature?: boolean;
  /** Keep @handles (split into words) rather than dropping them. */
  keepHandles?: boolean;
}

const SIGNATURE = /\s+[—–-]\s+[^—–]*\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$/u;

/**
 * Text of a tweet as a query: links and "pic.twitter.com" addresses go,
 * "RT" goes, hashtags and handles become the words they are made of.
 */
export function cleanTweet(text: string, options: TweetCleanOptions = {}): string {
  let t = text.replace(/^"|"$/g, '').replace(/""/g, '"');
  if (options.dropSignature) t = t.replace(SIGNATURE, ' ');
  t = t
    // A link glued to the word before it ("#Tag" + "https://…") is still a link.
    .replace(/(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\bpic\.twitter\.com\/\S+/gi, ' ')
    .replace(/\b\w+\.(?:com|org|net|ly|co)\/\S*/gi, ' ')
    .replace(/(^|\s)RT\b:?/g, '$1')
    .replace(/#(\w+)/gu, (_, w: string) => ` ${splitCompound(w)} `)
    .replace(/@(\w+)/gu, (_, w: string) => (options.keepHandles === false ? ' ' : ` ${splitCompound(w)} `));
  return t.replace(/\s+/g, ' ').trim();
}

/** Adjacent content-word pairs, as single terms. */
export function bigramsOf(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < terms.length; i++) out.push(`${terms[i - 1]} ${terms[i]}`);
  return out;
}

export interface RetrievalOptions {
  k1: number;
  /** Length normalisation per field, 0..1. */
  b: Record<string, number>;
  /** Weight of each field's term frequency. */
  fieldWeights: Record<string, number>;
  /** Weight of the bigram part of the score relative to single words; 0 turns it off. */
  bigramWeight: number;
  /** Weight of lexicon synonyms added to the query; 0 turns expansion off. */
  expansionWeight: number;
}

export const DEFAULT_RETRIEVAL_OPTIONS: RetrievalOptions = {
  k1: 1.2,
  b: { text: 0.75, title: 0.75 },
  fieldWeights: { text: 1, title: 1 },
  bigramWeight: 0,
  expansionWeight: 0,
};

export interface RetrievalDoc {
  id: string;
  /** Field name → text. Fields without a weight are ignored. */
  fields: Record<string, string>;
}

export interface RetrievalHit {
  id: string;
  /** Position of the document in the array given to the index. */
  index: number;
  score: number;
  /** Word part of the score, and the bigram part. */
  unigram: number;
  bigram: number;
}

export interface RetrievalIndex {
  readonly size: number;
  search(query: string, limit?: number, options?: Partial<RetrievalOptions>): RetrievalHit[];
  /** The same, for already-extracted query terms. */
  searchTerms(terms: readonly string[], limit?: number, options?: Partial<RetrievalOptions>): RetrievalHit[];
}

interface Posting {
  doc: number;
  /** Raw term frequency per field, in field order. */
  tf: Float64Array;
}

interface Part {
  postings: Map<string, Posting[]>;
  lengths: Float64Array[];
  avg: Float64Array;
}

function buildPart(docs: readonly (readonly string[])[][], fieldCount: number): Part {
  const postings = new Map<string, Posting[]>();
  const lengths = Array.from({ length: fieldCount }, () => new Float64Array(docs.length));
  const avg = new Float64Array(fieldCount);
  docs.forEach((fields, d) => {
    const tf = new Map<string, Float64Array>();
    fields.forEach((terms, f) => {
      lengths[f]![d] = terms.length;
      avg[f]! += terms.length;
      for (const t of terms) {
        let v = tf.get(t);
        if (!v) tf.set(t, (v = new Float64Array(fieldCount)));
        v[f]!++;
      }
    });
    for (const [t, v] of tf) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push({ doc: d, tf: v });
    }
  });
  for (let f = 0; f < fieldCount; f++) avg[f] = avg[f]! / Math.max(1, docs.length) || 1;
  return { postings, lengths, avg };
}

/** Query terms with weights: the words themselves 1, lexicon synonyms `weight`. */
function expand(terms: readonly string[], lex: Lexicon | undefined, weight: number, raw: readonly string[]): Map<string, number> {
  const q = new Map<string, number>();
  for (const t of terms) q.set(t, 1);
  if (!lex || weight <= 0) return q;
  for (const w of raw) {
    for (const syn of lex.synonymsOf(w).slice(0, 5)) {
      if (syn.includes(' ')) continue;
      for (const s of contentTerms(syn)) if (!q.has(s)) q.set(s, weight);
    }
  }
  return q;
}

/**
 * A BM25F index: per field, term frequency is length-normalised with that
 * field's `b` and weighted, the sum saturates once with `k1`, times idf.
 * Bigrams of adjacent content words form a second index scored the same way.
 */
export function createRetrievalIndex(
  docs: readonly RetrievalDoc[],
  base: Partial<RetrievalOptions> = {},
  lexicon?: Lexicon,
): RetrievalIndex {
  const defaults = { ...DEFAULT_RETRIEVAL_OPTIONS, ...base };
  const fieldNames = Object.keys(defaults.fieldWeights);
  const unigramDocs = docs.map((d) => fieldNames.map((f) => contentTerms(d.fields[f] ?? '')));
  const unigrams = buildPart(unigramDocs, fieldNames.length);
  const bigrams = buildPart(
    unigramDocs.map((fields) => fields.map(bigramsOf)),
    fieldNames.length,
  );
  const n = docs.length;

  function scorePart(part: Part, query: Map<string, number>, o: RetrievalOptions, out: Float64Array): void {
    const w = fieldNames.map((f) => o.fieldWeights[f] ?? 0);
    const b = fieldNames.map((f) => o.b[f] ?? 0.75);
    for (const [t, qw] of query) {
      const list = part.postings.get(t);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        let x = 0;
        for (let f = 0; f < w.length; f++) {
          const raw = tf[f]!;
          if (!raw) continue;
          x += (w[f]! * raw) / (1 - b[f]! + (b[f]! * part.lengths[f]![doc]!) / part.avg[f]!);
        }
        out[doc] = out[doc]! + (qw * idf * x * (o.k1 + 1)) / (x + o.k1);
      }
    }
  }

  function run(terms: readonly string[], raw: readonly string[], limit: number, opts: Partial<RetrievalOptions>): RetrievalHit[] {
    const o = { ...defaults, ...opts };
    const uni = new Float64Array(n);
    scorePart(unigrams, expand(terms, lexicon, o.expansionWeight, raw), o, uni);
    const bi = new Float64Array(n);
    // Scored even at weight 0: a re-ranker may use it as a feature.
    scorePart(bigrams, new Map(bigramsOf(terms).map((t) => [t, 1])), o, bi);
    const hits: RetrievalHit[] = [];
    for (let d = 0; d < n; d++) {
      const score = uni[d]! + o.bigramWeight * bi[d]!;
      if (score > 0) hits.push({ id: docs[d]!.id, index: d, score, unigram: uni[d]!, bigram: bi[d]! });
    }
    hits.sort((x, y) => y.score - x.score || x.index - y.index);
    return hits.slice(0, limit);
  }

  return {
    size: n,
    search(query, limit = 20, opts = {}) {
      const tokens = tokenize(query).filter((t) => !t.isStop);
      return run(
        tokens.map((t) => t.stem),
        tokens.map((t) => t.norm),
        limit,
        opts,
      );
    },
    searchTerms(terms, limit = 20, opts = {}) {
      return run(terms, [], limit, opts);
    },
  };
}
