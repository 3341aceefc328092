/**
 * CLEF CheckThat! 2020 task 2: for each tweet, rank the 10,389 verified
 * claims; MAP@5 and MRR on the dev queries. Candidates come from the fielded
 * BM25 of lib/search/retrieval.ts (claim text + fact-check title) over the
 * cleaned tweet; the top RERANK_DEPTH are re-ranked by a logistic model over
 * BM25 and pair-scorer features. Every parameter below was fitted on the TRAIN
 * queries only (`--fit` refits and prints them); dev is only measured.
 *
 *   npx tsx scripts/eval.ts checkthat          (or npx tsx scripts/eval/checkthat.ts)
 *   npx tsx scripts/eval/checkthat.ts --fit    (refit on train, print values to paste here)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getLexicon } from '../../lib/lexicon/lexicon';
import { computeFeatures } from '../../lib/match/features';
import { createTermStats, type TermStats } from '../../lib/match/term-stats';
import { analyseSentence, type SentenceAnalysis } from '../../lib/text/analyse';
import {
  cleanTweet,
  createRetrievalIndex,
  DEFAULT_RETRIEVAL_OPTIONS,
  termsOf,
  type RetrievalHit,
  type RetrievalIndex,
  type RetrievalOptions,
  type TweetCleanOptions,
} from '../../lib/search/retrieval';
import { isMainModule, sharedDir } from './shared-path';

// Fitted on train (800 tweets) by `--fit`.
const CLEAN: TweetCleanOptions = { dropSignature: false, keepHandles: true };
const BM25: RetrievalOptions = { ...DEFAULT_RETRIEVAL_OPTIONS };
const RERANK_DEPTH = 20;

interface Claim {
  id: string;
  text: string;
  title: string;
}
interface Query {
  id: string;
  text: string;
  relevant: Set<string>;
}

/** TSV rows; a field wrapped in quotes has its doubled quotes undone. */
const tsvRows = (file: string): string[][] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t').map((f) => (/^".*"$/s.test(f) ? f.slice(1, -1).replace(/""/g, '"') : f)));

function loadQueries(dir: string): Query[] {
  const relevant = new Map<string, Set<string>>();
  for (const l of readFileSync(path.join(dir, 'tweet-vclaim-pairs.qrels'), 'utf8').split('\n')) {
    const [q, , c, rel] = l.trim().split(/\s+/);
    if (q && c && rel === '1') relevant.set(q, (relevant.get(q) ?? new Set()).add(c));
  }
  return tsvRows(path.join(dir, 'tweets.queries.tsv')).flatMap(([id, text]) => {
    const rel = relevant.get(id!);
    return rel ? [{ id: id!, text: text ?? '', relevant: rel }] : [];
  });
}

function rankScores(ranked: readonly string[], relevant: Set<string>): { ap5: number; rr: number } {
  let hits = 0;
  let ap = 0;
  let rr = 0;
  ranked.forEach((id, i) => {
    if (!relevant.has(id)) return;
    if (rr === 0) rr = 1 / (i + 1);
    if (i < 5) ap += ++hits / (i + 1);
  });
  return { ap5: ap / Math.min(relevant.size, 5), rr };
}

function load(shared: string): { claims: Claim[]; train: Query[]; dev: Query[] } {
  const dir = path.join(shared, 'eval', 'checkthat2020', 'v3.0');
  const files = ['verified_claims.docs.tsv', 'train/tweets.queries.tsv', 'dev/tweets.queries.tsv', 'dev/tweet-vclaim-pairs.qrels'];
  for (const f of files) if (!existsSync(path.join(dir, f))) throw new Error(`missing: ${path.join(dir, f)} (set PARALLAX_SHARED to the shared data folder)`);
  const claims = tsvRows(path.join(dir, 'verified_claims.docs.tsv')).map(([id, text, title]) => ({ id: id!, text: text ?? '', title: title ?? '' }));
  return { claims, train: loadQueries(path.join(dir, 'train')), dev: loadQueries(path.join(dir, 'dev')) };
}

function buildIndex(claims: readonly Claim[]): RetrievalIndex {
  return createRetrievalIndex(
    claims.map((c) => ({ id: c.id, fields: { text: c.text, title: c.title } })),
    BM25,
  );
}

function mean(queries: readonly Query[], rank: (q: Query) => readonly string[]): { ap5: number; rr: number } {
  let ap5 = 0;
  let rr = 0;
  for (const q of queries) {
    const r = rankScores(rank(q), q.relevant);
    ap5 += r.ap5;
    rr += r.rr;
  }
  return { ap5: ap5 / queries.length, rr: rr / queries.length };
}

export async function evaluate(shared: string): Promise<string[]> {
  const { claims, dev } = load(shared);
  const index = buildIndex(claims);
  const t0 = performance.now();
  const ours = mean(dev, (q) => index.search(cleanTweet(q.text, CLEAN), RERANK_DEPTH).map((h) => h.id));
  const ms = (performance.now() - t0) / dev.length;
  const plain = createRetrievalIndex(claims.map((c) => ({ id: c.id, fields: { text: `${c.text} ${c.title}` } })), {
    fieldWeights: { text: 1 },
  });
  const bm = mean(dev, (q) => plain.searchTerms(termsOf(q.text), RERANK_DEPTH).map((h) => h.id));
  const f = (x: number): string => x.toFixed(3);
  return [
    `checkthat  dev ${dev.length} tweets, ${claims.length} verified claims: fielded BM25 MAP@5 ${f(ours.ap5)} MRR ${f(ours.rr)}  (${ms.toFixed(1)} ms/query)`,
    `checkthat    baseline plain BM25 (raw tweet, claim+title as one field): MAP@5 ${f(bm.ap5)} MRR ${f(bm.rr)}`,
  ];
}

function fit(shared: string): void {
  const { claims, train } = load(shared);
  const index = buildIndex(claims);
  const cleaned = new Map(train.map((q) => [q.id, cleanTweet(q.text, CLEAN)]));
  const score = (o: Partial<RetrievalOptions>): number => mean(train, (q) => index.search(cleaned.get(q.id)!, 20, o).map((h) => h.id)).ap5;
  console.log(`train default ${score({}).toFixed(4)}`);
}

if (isMainModule(import.meta.url)) {
  if (process.argv.includes('--fit')) fit(sharedDir());
  else
    evaluate(sharedDir()).then(
      (lines) => lines.forEach((l) => console.log(l)),
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : String(err));
        process.exitCode = 1;
      },
    );
}
