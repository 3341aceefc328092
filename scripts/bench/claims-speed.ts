/**
 * matchArticle speed: a 100-sentence article against a story of 20 other
 * outlets' articles, 2,000 sentences in all, built from the seed articles'
 * sentences (shuffled, so every article shares the story's words). Prints
 * p50/p95 of warm runs (analyses cached, as in the extension after the first).
 *
 *   npx tsx scripts/bench/claims-speed.ts [runs]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { matchArticle, type ArticleSentences } from '../../lib/match/claims';
import { createTermStats } from '../../lib/match/term-stats';
import { segmentSentences } from '../../lib/text/segment';
import { contentTerms } from '../../lib/text/tokens';
import { sharedDir } from '../eval/shared-path';

const dir = path.join(sharedDir(), 'seeds');
if (!existsSync(dir)) {
  console.error(`missing: ${dir} (set PARALLAX_SHARED to the shared data folder)`);
  process.exit(1);
}
const pool = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => segmentSentences(readFileSync(path.join(dir, f), 'utf8')).map((s) => s.text))
  .filter((t) => t.length > 30);

// Deterministic shuffle (mulberry32), so runs are comparable.
let seed = 7;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const article = (id: string, n: number): ArticleSentences => ({
  article: { id, outlet: id, url: `https://${id}.test/a`, title: id },
  sentences: Array.from({ length: n }, (_, index) => {
    const text = pool[Math.floor(rand() * pool.length)]!;
    return { id: `${id}#${index}`, index, start: 0, end: text.length, text };
  }),
});
const target = article('target', 100);
const others = Array.from({ length: 20 }, (_, k) => article(`outlet-${k}`, 100));
const stats = createTermStats([target, ...others].flatMap((a) => a.sentences.map((s) => contentTerms(s.text))));

const runs = Number(process.argv[2] ?? 30);
let t0 = performance.now();
let links = matchArticle(target, others, stats).length;
const cold = performance.now() - t0;
const times: number[] = [];
for (let r = 0; r < runs; r++) {
  t0 = performance.now();
  links = matchArticle(target, others, stats).length;
  times.push(performance.now() - t0);
}
times.sort((x, y) => x - y);
const q = (f: number): string => times[Math.min(times.length - 1, Math.floor(f * times.length))]!.toFixed(1);
console.log(
  `matchArticle, 100 sentences vs 20 articles × 100 (2,000 sentences): cold ${cold.toFixed(0)} ms; warm p50 ${q(0.5)} ms, p95 ${q(0.95)} ms over ${runs} runs; ${links} links`,
);
