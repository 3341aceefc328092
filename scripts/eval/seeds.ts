/**
 * Claim grouping on the five seed articles (one story, five outlets), scored
 * against eval/seeds-claims.gold.json (read by hand before any tuning): the
 * cross-outlet sentence pairs put in one claim group, against the gold pairs.
 * A plain TF-IDF cosine link between sentences is the baseline.
 *
 *   npx tsx scripts/eval/seeds.ts [--verbose]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClaimGroupRule } from '../../lib/match/claims';
import { CLAIM_MATCH, type ClaimMatchSettings } from '../../lib/match/config';
import { alignArticles } from '../../lib/story/align';
import { createTermStats, idf } from '../../lib/match/term-stats';
import { contentTerms } from '../../lib/text/tokens';
import { articleFromTxt } from '../../cli/load';
import { pct } from './cluster-metrics';
import { isMainModule, repoRoot, sharedDir } from './shared-path';

interface GoldMember {
  file: string;
  text: string;
}
interface Gold {
  claims: { id: string; members: GoldMember[]; partial?: GoldMember[] }[];
  related: [string, string][];
}

type Sentence = { id: string; file: string; start: number; end: number; text: string };

const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

export async function evaluate(
  shared: string,
  verbose = false,
  options: { settings?: ClaimMatchSettings; rule?: ClaimGroupRule } = {},
): Promise<string[]> {
  const dir = path.join(shared, 'seeds');
  if (!existsSync(dir)) throw new Error(`missing: ${dir} (set PARALLAX_SHARED to the shared data folder)`);
  const gold = JSON.parse(readFileSync(path.join(repoRoot, 'eval', 'seeds-claims.gold.json'), 'utf8')) as Gold;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const inputs = files.map((f) => articleFromTxt(path.join(dir, f), readFileSync(path.join(dir, f), 'utf8')));
  const t0 = performance.now();
  // Every pair the full scorers saw, with its claim score, for the listing of missed pairs.
  const scored = new Map<string, number>();
  const settings: ClaimMatchSettings = { ...(options.settings ?? CLAIM_MATCH), onScored: (x, y, p) => scored.set(pairKey(x, y), p) };
  const result = await alignArticles(inputs, { ...options, settings });
  const ms = performance.now() - t0;
  const sentences: Sentence[] = result.articles.flatMap((a) =>
    a.sentences.map((s) => ({ id: s.id, file: `${a.id}.txt`, start: s.start, end: s.end, text: s.text })),
  );
  const bodyOf = new Map(result.articles.map((a) => [`${a.id}.txt`, a.text]));

  // Gold members → the sentence holding most of the substring.
  const locate = (m: GoldMember): string => {
    const body = bodyOf.get(m.file);
    const at = body?.indexOf(m.text) ?? -1;
    if (at < 0) throw new Error(`gold text not found in ${m.file}: ${m.text}`);
    let best: Sentence | undefined;
    let bestOverlap = 0;
    for (const s of sentences) {
      if (s.file !== m.file) continue;
      const overlap = Math.min(s.end, at + m.text.length) - Math.max(s.start, at);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = s;
      }
    }
    if (!best) throw new Error(`gold text outside every sentence in ${m.file}: ${m.text}`);
    return best.id;
  };
  const fileOf = new Map(sentences.map((s) => [s.id, s.file]));
  const positive = new Set<string>();
  const neutral = new Set<string>();
  const claimMembers = new Map<string, { full: string[]; all: string[] }>();
  for (const c of gold.claims) {
    const full = c.members.map(locate);
    const part = (c.partial ?? []).map(locate);
    claimMembers.set(c.id, { full, all: [...full, ...part] });
    for (const x of full) for (const y of full) if (fileOf.get(x) !== fileOf.get(y)) positive.add(pairKey(x, y));
    for (const x of part) for (const y of [...full, ...part]) if (fileOf.get(x) !== fileOf.get(y)) neutral.add(pairKey(x, y));
  }
  for (const [p, q] of gold.related) {
    const a = claimMembers.get(p)?.all ?? [];
    const b = claimMembers.get(q)?.all ?? [];
    for (const x of a) for (const y of b) if (fileOf.get(x) !== fileOf.get(y)) neutral.add(pairKey(x, y));
  }
  for (const k of positive) neutral.delete(k);

  const score = (pairs: Set<string>): { p: number; r: number; tp: number; fp: number } => {
    let tp = 0;
    let fp = 0;
    for (const k of pairs) {
      if (positive.has(k)) tp++;
      else if (!neutral.has(k)) fp++;
    }
    return { p: tp + fp ? tp / (tp + fp) : 0, r: tp / positive.size, tp, fp };
  };

  const grouped = new Set<string>();
  const wrong: string[] = [];
  const text = new Map(sentences.map((s) => [s.id, s.text]));
  for (const story of result.stories)
    for (const g of story.claims)
      for (const x of g.sentences)
        for (const y of g.sentences)
          if (x.articleId !== y.articleId && x.sentenceId < y.sentenceId) {
            const k = pairKey(x.sentenceId, y.sentenceId);
            grouped.add(k);
            if (!positive.has(k) && !neutral.has(k)) wrong.push(`  wrong: ${x.text.slice(0, 70)} || ${y.text.slice(0, 70)}`);
          }
  const ours = score(grouped);
  const missed = [...positive]
    .filter((k) => !grouped.has(k))
    .map((k) => {
      const [x, y] = k.split('|');
      const sc = scored.get(k);
      return `  missed (${sc === undefined ? 'not scored' : sc.toFixed(2)}): ${text.get(x!)?.slice(0, 70)} || ${text.get(y!)?.slice(0, 70)}`;
    });
  const flagged = result.stories.flatMap((s) => s.claims).filter((g) => g.differences.length > 0).length;

  // Baseline: TF-IDF cosine between sentences of different files.
  const stats = createTermStats(sentences.map((s) => contentTerms(s.text)));
  const vec = (s: string): Map<string, number> => {
    const v = new Map<string, number>();
    for (const t of contentTerms(s)) v.set(t, (v.get(t) ?? 0) + idf(stats, t));
    const n = Math.sqrt([...v.values()].reduce((a, w) => a + w * w, 0)) || 1;
    for (const [t, w] of v) v.set(t, w / n);
    return v;
  };
  const vecs = sentences.map((s) => vec(s.text));
  const baseline = (t: number): ReturnType<typeof score> => {
    const pairs = new Set<string>();
    for (let i = 0; i < sentences.length; i++)
      for (let j = i + 1; j < sentences.length; j++) {
        if (sentences[i]!.file === sentences[j]!.file) continue;
        let c = 0;
        for (const [term, w] of vecs[i]!) c += w * (vecs[j]!.get(term) ?? 0);
        if (c >= t) pairs.add(pairKey(sentences[i]!.id, sentences[j]!.id));
      }
    return score(pairs);
  };
  const b5 = baseline(0.5);
  const b3 = baseline(0.3);
  const lines = [
    `seeds  claim pairs: P ${pct(ours.p)} R ${pct(ours.r)} (${ours.tp} right, ${ours.fp} wrong of ${positive.size} gold pairs; ${result.stories.length} story, ${result.stories.reduce((n, s) => n + s.claims.length, 0)} claim groups, ${flagged} with differences flagged; ${ms.toFixed(0)} ms)`,
    `seeds    baseline TF-IDF cosine ≥ 0.5: P ${pct(b5.p)} R ${pct(b5.r)}; ≥ 0.3: P ${pct(b3.p)} R ${pct(b3.r)}`,
  ];
  if (verbose) lines.push(...wrong, ...missed);
  return lines;
}

if (isMainModule(import.meta.url))
  evaluate(sharedDir(), process.argv.includes('--verbose')).then(
    (lines) => lines.forEach((l) => console.log(l)),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
