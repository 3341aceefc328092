/**
 * CLEF CheckThat! 2020 task 2 (dev queries): for each tweet, rank the verified
 * claims; MAP@5 and MRR. A BM25 index over the claims gives the candidates
 * (and the baseline); the pair scorer re-ranks the top 20, its probability
 * added to the BM25 score scaled to [0, 1] (equal weights, not fitted).
 *
 *   npx tsx scripts/eval/checkthat.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createScorer } from '../../lib/match/scorer';
import { createTermStats } from '../../lib/match/term-stats';
import { analyseSentence } from '../../lib/text/analyse';
import { contentTerms } from '../../lib/text/tokens';
import { isMainModule, sharedDir } from './shared-path';

const tsvRows = (file: string): string[][] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));

function bm25Index(docs: string[][]): (query: string[]) => { doc: number; score: number }[] {
  const k1 = 1.2;
  const b = 0.75;
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const lengths = docs.map((d) => d.length);
  const avg = lengths.reduce((s, x) => s + x, 0) / Math.max(1, docs.length);
  docs.forEach((d, i) => {
    const tf = new Map<string, number>();
    for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push({ doc: i, tf: n });
    }
  });
  return (query) => {
    const scores = new Map<number, number>();
    for (const t of new Set(query)) {
      const list = postings.get(t);
      if (!list) continue;
      const idf = Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const s = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[doc]!) / avg));
        scores.set(doc, (scores.get(doc) ?? 0) + s);
      }
    }
    return [...scores].map(([doc, score]) => ({ doc, score })).sort((x, y) => y.score - x.score);
  };
}

function rankScores(ranked: string[], relevant: Set<string>): { ap5: number; rr: number } {
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

export async function evaluate(shared: string): Promise<string[]> {
  const dir = path.join(shared, 'eval', 'checkthat2020', 'v3.0');
  const claimsFile = path.join(dir, 'verified_claims.docs.tsv');
  const queriesFile = path.join(dir, 'dev', 'tweets.queries.tsv');
  const qrelsFile = path.join(dir, 'dev', 'tweet-vclaim-pairs.qrels');
  for (const f of [claimsFile, queriesFile, qrelsFile]) if (!existsSync(f)) throw new Error(`missing: ${f} (set PARALLAX_SHARED to the shared data folder)`);
  const claims = tsvRows(claimsFile).map(([id, claim, title]) => ({ id: id!, text: claim ?? '', title: title ?? '' }));
  const queries = tsvRows(queriesFile).map(([id, text]) => ({ id: id!, text: text ?? '' }));
  const relevant = new Map<string, Set<string>>();
  for (const l of readFileSync(qrelsFile, 'utf8').split('\n')) {
    const [q, , c, rel] = l.trim().split(/\s+/);
    if (q && c && rel === '1') relevant.set(q, (relevant.get(q) ?? new Set()).add(c));
  }
  const docTerms = claims.map((c) => contentTerms(`${c.text} ${c.title}`));
  const search = bm25Index(docTerms);
  const stats = createTermStats(docTerms);
  const scorer = createScorer();
  let bm = { ap5: 0, rr: 0 };
  let ours = { ap5: 0, rr: 0 };
  let n = 0;
  const t0 = performance.now();
  for (const q of queries) {
    const rel = relevant.get(q.id);
    if (!rel) continue;
    n++;
    const hits = search(contentTerms(q.text)).slice(0, 20);
    const b = rankScores(hits.map((h) => claims[h.doc]!.id), rel);
    const qa = analyseSentence(q.text);
    const top = hits[0]?.score || 1;
    const reranked = hits
      .map((h) => ({ h, s: h.score / top + scorer.score(qa, analyseSentence(claims[h.doc]!.text), stats).probability }))
      .sort((x, y) => y.s - x.s);
    const r = rankScores(reranked.map((x) => claims[x.h.doc]!.id), rel);
    bm = { ap5: bm.ap5 + b.ap5, rr: bm.rr + b.rr };
    ours = { ap5: ours.ap5 + r.ap5, rr: ours.rr + r.rr };
  }
  const f = (x: number): string => (x / n).toFixed(3);
  return [
    `checkthat  dev ${n} tweets, ${claims.length} verified claims: BM25 top-20 + scorer re-rank MAP@5 ${f(ours.ap5)} MRR ${f(ours.rr)}  (${((performance.now() - t0) / n).toFixed(1)} ms/query)`,
    `checkthat    baseline BM25 alone: MAP@5 ${f(bm.ap5)} MRR ${f(bm.rr)}`,
  ];
}

if (isMainModule(import.meta.url))
  evaluate(sharedDir()).then(
    (lines) => lines.forEach((l) => console.log(l)),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
