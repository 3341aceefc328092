/**
 * Story grouping on Multi-News: all articles of many clusters mixed together,
 * the clusters recovered by `clusterArticles`. Settings were tuned on clusters
 * 0–249 (`--tune`, `--content` for content articles only); the reported
 * figure is on clusters 250–499 only.
 *
 *   npx tsx scripts/eval/multinews.ts [--tune [--content]]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { clusterArticles, storyTerms, type StoryDoc } from '../../lib/story/stories';
import { STORY } from '../../lib/story/story-config';
import { createTermStats, idf } from '../../lib/match/term-stats';
import { bcubed, pct, singleLink, sparseCosine } from './cluster-metrics';
import { isMainModule, sharedDir } from './shared-path';

interface Cluster {
  idx: number;
  documents: string[];
}

function load(shared: string): Cluster[] {
  const file = path.join(shared, 'eval', 'multinews', 'multinews_test_dev500.jsonl');
  if (!existsSync(file)) throw new Error(`missing: ${file} (set PARALLAX_SHARED to the shared data folder)`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Cluster);
}

// Multi-News keeps some pages that are not articles: crawler notices and
// widget text repeated across clusters, and near-empty pages. The "content
// only" view drops those (fewer than 50 words, or an opening shared with a
// document of another cluster); the rule was fixed before looking at scores.
function boilerplateOpenings(clusters: Cluster[]): Set<string> {
  const seen = new Map<string, Set<number>>();
  clusters.forEach((c, ci) =>
    c.documents.forEach((d) => {
      const k = d.slice(0, 120);
      seen.set(k, (seen.get(k) ?? new Set()).add(ci));
    }),
  );
  return new Set([...seen].filter(([, s]) => s.size > 1).map(([k]) => k));
}

function mix(clusters: Cluster[], contentOnly = false): { docs: StoryDoc[]; gold: string[] } {
  const docs: StoryDoc[] = [];
  const gold: string[] = [];
  const boiler = contentOnly ? boilerplateOpenings(clusters) : new Set<string>();
  clusters.forEach((c, ci) =>
    c.documents.forEach((text, di) => {
      if (!text.trim()) return;
      if (contentOnly && (text.split(/\s+/).length < 50 || boiler.has(text.slice(0, 120)))) return;
      docs.push({ id: `${ci}-${di}`, title: '', text, outlet: `outlet-${di}` });
      gold.push(String(ci));
    }),
  );
  return { docs, gold };
}

/** Plain TF-IDF cosine single-link, threshold chosen on the tuning half. */
function tfidfSingleLink(docs: StoryDoc[], threshold: number): string[] {
  const terms = docs.map((d) => storyTerms(d.text));
  const stats = createTermStats(terms);
  const vecs = terms.map((ts) => {
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, n] of tf) {
      const w = (1 + Math.log(n)) * idf(stats, t);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  return singleLink(docs.length, (i, j) => sparseCosine(vecs[i]!, vecs[j]!), threshold);
}

// Chosen on clusters 0–249 (best F1 of 0.2 / 0.25 / 0.3 there: 0.2 → 83.0).
const BASELINE_THRESHOLD = 0.2;

export async function evaluate(shared: string): Promise<string[]> {
  const clusters = load(shared);
  const { docs, gold } = mix(clusters.slice(250, 500));
  const t0 = performance.now();
  const pred = clusterArticles(docs);
  const ms = performance.now() - t0;
  const ours = bcubed(gold, pred);
  const base = bcubed(gold, tfidfSingleLink(docs, BASELINE_THRESHOLD));
  const one = bcubed(gold, gold.map(() => 'x'));
  const content = mix(clusters.slice(250, 500), true);
  const oursC = bcubed(content.gold, clusterArticles(content.docs));
  const baseC = bcubed(content.gold, tfidfSingleLink(content.docs, BASELINE_THRESHOLD));
  const alone = bcubed(gold, gold.map((_, i) => String(i)));
  return [
    `multinews  held-out clusters 250–499 (${docs.length} articles, ${new Set(gold).size} stories), settings tuned on 0–249`,
    `multinews  B-cubed P ${pct(ours.p)} R ${pct(ours.r)} F1 ${pct(ours.f1)}  (${ms.toFixed(0)} ms, ${new Set(pred).size} stories found)`,
    `multinews    baseline TF-IDF single-link @${BASELINE_THRESHOLD}: F1 ${pct(base.f1)} (P ${pct(base.p)} R ${pct(base.r)}); each alone: F1 ${pct(alone.f1)}; all one: F1 ${pct(one.f1)}`,
    `multinews  content articles only (${content.docs.length}; crawler notices and pages under 50 words dropped): B-cubed P ${pct(oursC.p)} R ${pct(oursC.r)} F1 ${pct(oursC.f1)}  (baseline TF-IDF single-link F1 ${pct(baseC.f1)})`,
  ];
}

function tune(shared: string): void {
  const { docs, gold } = mix(load(shared).slice(0, 250), process.argv.includes('--content'));
  for (const t of [0.2, 0.25, 0.3]) {
    const b = bcubed(gold, tfidfSingleLink(docs, t));
    console.log(`tfidf single-link ${t}: F1 ${pct(b.f1)} P ${pct(b.p)} R ${pct(b.r)}`);
  }
  // One setting at a time around the chosen values (lib/story/story-config.ts).
  const chosen = { ...STORY };
  const sweeps: Partial<typeof STORY>[] = [
    ...[0.1, 0.12, 0.13, 0.16, 0.2].map((threshold) => ({ threshold })),
    ...[1, 4, 8, 16].map((maxMembers) => ({ maxMembers })),
    ...[0, 50, 200].map((priorDocs) => ({ priorDocs })),
    { keyTerms: 8, keyNames: 3 },
  ];
  for (const change of sweeps) {
    Object.assign(STORY, chosen, change);
    const b = bcubed(gold, clusterArticles(docs));
    console.log(`${JSON.stringify(change)}: F1 ${pct(b.f1)} P ${pct(b.p)} R ${pct(b.r)}`);
  }
  Object.assign(STORY, chosen);
}

if (isMainModule(import.meta.url)) {
  if (process.argv.includes('--tune')) tune(sharedDir());
  else
    evaluate(sharedDir()).then(
      (lines) => lines.forEach((l) => console.log(l)),
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : String(err));
        process.exitCode = 1;
      },
    );
}
