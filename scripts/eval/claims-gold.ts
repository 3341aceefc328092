/**
 * Claims shared across reports of one event, against the labelled development
 * events of ../shared/eval/claims-gold (README.md and GUIDE.md there). Each
 * event on its own: every report becomes one article (title = its first
 * sentence, text = the rest, outlet "Outlet A"…) and goes through
 * alignArticles, the command line's pipeline; each claim group gives its
 * cross-report sentence pairs. A pair is right when the two sentences share a
 * labelled claim; recall is the share of labelled cross-report pairs (titles
 * left out) that some group covers. Micro-averaged over events.
 *
 *   npx tsx scripts/eval/claims-gold.ts [--verbose] [--pairs]
 *   npx tsx scripts/eval.ts claims-gold
 *
 * `--pairs`: the claim score's own ceiling, whatever the link and grouping
 * rules: every cross-report pair of claim-bearing sentences scored (no first
 * stage), P/R of "score ≥ t" as a link, without grouping; and what any
 * scorer reading words can reach: the labelled pairs and all pairs by how
 * many content words the two sentences share (same word, same family or
 * WordNet synonyms, one to one), and P/R of "shares at least k" as a rule,
 * whose recall is also the most a perfect judge of those pairs alone reaches.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseCached, claimBearing, scorePair } from '../../lib/match/claims';
import { align, prepare } from '../../lib/match/features';
import { createScorer } from '../../lib/match/scorer';
import { getLexicon } from '../../lib/lexicon/lexicon';
import { createTermStats, type TermStats } from '../../lib/match/term-stats';
import type { SentenceAnalysis } from '../../lib/text/analyse';
import { alignArticles } from '../../lib/story/align';
import { contentTerms } from '../../lib/text/tokens';
import type { ArticleInput } from '../../lib/types';
import { pct } from './cluster-metrics';
import { isMainModule, sharedDir } from './shared-path';

interface EventSheet {
  event: string;
  docs: { letter: string; doc: string; text: string }[];
}
interface EventGold {
  claims: Record<string, string>;
  sentences: Record<string, string[]>;
}

/**
 * The engine as it stood before this evaluation existed (`parallax align`,
 * 2026-12-01), per event: right and wrong predicted pairs, labelled pairs.
 * Printed beside today's figures.
 */
const BEFORE: Record<string, { tp: number; fp: number; gold: number }> = {
  '1ecbplus': { tp: 1, fp: 3, gold: 38 },
  '2ecb': { tp: 4, fp: 0, gold: 95 },
  '2ecbplus': { tp: 40, fp: 30, gold: 79 },
  '3ecb': { tp: 25, fp: 6, gold: 47 },
  '5ecbplus': { tp: 1, fp: 0, gold: 12 },
  '6ecbplus': { tp: 9, fp: 3, gold: 82 },
  '8ecbplus': { tp: 6, fp: 0, gold: 145 },
  '9ecb': { tp: 10, fp: 20, gold: 67 },
  '10ecb': { tp: 2, fp: 0, gold: 34 },
  '10ecbplus': { tp: 2, fp: 2, gold: 33 },
};

export interface EventScore {
  event: string;
  tp: number;
  fp: number;
  gold: number;
  /** Right and wrong pairs that are links themselves (the rest only share a group). */
  tpLinked: number;
  fpLinked: number;
  wrong: string[];
  missed: string[];
}

const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** The labelled events of the development half, each with its sheet and gold. */
export function loadEvents(shared: string): { name: string; sheet: EventSheet; gold: EventGold }[] {
  const dir = path.join(shared, 'eval', 'claims-gold');
  if (!existsSync(dir)) throw new Error(`missing: ${dir} (set PARALLAX_SHARED to the shared data folder)`);
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.slice('event-'.length, -'.gold.json'.length))
    .sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
  if (!names.length) throw new Error(`missing: ${dir} holds no event-*.gold.json`);
  return names.map((name) => ({
    name,
    sheet: JSON.parse(readFileSync(path.join(dir, `event-${name}.sentences.json`), 'utf8')) as EventSheet,
    gold: JSON.parse(readFileSync(path.join(dir, `event-${name}.gold.json`), 'utf8')) as EventGold,
  }));
}

/** One event through alignArticles, scored. */
export async function scoreEvent(
  name: string,
  sheet: EventSheet,
  gold: EventGold,
  options: Parameters<typeof alignArticles>[1] = {},
): Promise<EventScore> {
  // Report letter → its lines; line k (1-based) is sentence `${letter}${k}`, line 1 the title.
  const inputs: ArticleInput[] = sheet.docs.map((d) => {
    const lines = d.text.split('\n');
    return {
      id: d.letter,
      url: `https://outlet-${d.letter.toLowerCase()}.test/${name}`,
      outlet: `Outlet ${d.letter}`,
      title: lines[0]!,
      text: lines.slice(1).join('\n'),
    };
  });
  const result = await alignArticles(inputs, options);
  // Engine sentence → gold sentence id: the line holding most of it.
  const lineStarts = new Map<string, number[]>();
  for (const a of inputs) {
    const starts: number[] = [];
    let at = 0;
    for (const l of a.text.split('\n')) {
      starts.push(at);
      at += l.length + 1;
    }
    lineStarts.set(a.id!, starts);
  }
  const goldId = new Map<string, string>();
  for (const a of result.articles) {
    const starts = lineStarts.get(a.id)!;
    for (const s of a.sentences) {
      let best = 0;
      let bestOverlap = -1;
      starts.forEach((st, k) => {
        const en = k + 1 < starts.length ? starts[k + 1]! - 1 : a.text.length;
        const overlap = Math.min(en, s.end) - Math.max(st, s.start);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = k;
        }
      });
      goldId.set(s.id, `${a.id}${best + 2}`);
    }
  }
  const claimsOf = (id: string): string[] => gold.sentences[id] ?? [];
  const shares = (x: string, y: string): boolean => claimsOf(x).some((c) => claimsOf(y).includes(c));
  const doc = (id: string): string => id.replace(/\d+$/, '');
  const line = (id: string): number => Number(id.match(/\d+$/)![0]);

  // Labelled cross-report pairs, titles left out.
  const positive = new Set<string>();
  const ids = Object.keys(gold.sentences).filter((id) => line(id) > 1);
  for (const x of ids) for (const y of ids) if (x < y && doc(x) !== doc(y) && shares(x, y)) positive.add(pairKey(x, y));

  const predicted = new Set<string>();
  for (const story of result.stories)
    for (const g of story.claims)
      for (const a of g.sentences)
        for (const b of g.sentences) {
          if (a.articleId === b.articleId) continue;
          const x = goldId.get(a.sentenceId)!;
          const y = goldId.get(b.sentenceId)!;
          if (x < y) predicted.add(pairKey(x, y));
        }
  // Linked pairs (as against pairs a group only chains together), with the link's claim score.
  const linkScore = new Map<string, number>();
  for (const story of result.stories)
    for (const l of story.links) {
      const k = pairKey(goldId.get(l.a)!, goldId.get(l.b)!);
      linkScore.set(k, Math.max(linkScore.get(k) ?? 0, l.score));
    }
  const text = new Map<string, string>();
  for (const a of inputs) a.text.split('\n').forEach((l, k) => text.set(`${a.id}${k + 2}`, l));
  const show = (k: string): string => {
    const [x, y] = k.split('|') as [string, string];
    const l = linkScore.get(k);
    return `${l === undefined ? '(grouped)' : `(linked ${l.toFixed(2)})`} ${x} ${text.get(x)?.slice(0, 80)} || ${y} ${text.get(y)?.slice(0, 80)}`;
  };
  let tp = 0;
  let fp = 0;
  let tpLinked = 0;
  let fpLinked = 0;
  const wrong: string[] = [];
  for (const k of predicted) {
    const linked = linkScore.has(k) ? 1 : 0;
    if (positive.has(k)) {
      tp++;
      tpLinked += linked;
    } else {
      fp++;
      fpLinked += linked;
      wrong.push(show(k));
    }
  }
  const missed = [...positive].filter((k) => !predicted.has(k)).map(show);
  return { event: name, tp, fp, gold: positive.size, tpLinked, fpLinked, wrong, missed };
}

const fmt = (tp: number, fp: number, gold: number): string =>
  `P ${tp + fp ? pct(tp / (tp + fp)) : '—'} R ${gold ? pct(tp / gold) : '—'} (${tp} right, ${fp} wrong of ${gold})`;

export async function evaluate(shared: string, verbose = false, options: Parameters<typeof alignArticles>[1] = {}): Promise<string[]> {
  const events = loadEvents(shared);
  const t0 = performance.now();
  const scores = [];
  for (const e of events) scores.push(await scoreEvent(e.name, e.sheet, e.gold, options));
  const ms = performance.now() - t0;
  const sum = <T>(f: (s: T) => number, xs: T[]): number => xs.reduce((n, s) => n + f(s), 0);
  const before = events.map((e) => BEFORE[e.name]).filter((b) => b !== undefined);
  const lines = [
    `claims-gold  dev events (${events.length}), cross-report claim pairs, micro: ${fmt(
      sum((s) => s.tp, scores),
      sum((s) => s.fp, scores),
      sum((s) => s.gold, scores),
    )}; ${ms.toFixed(0)} ms`,
  ];
  lines.push(
    `claims-gold    of which linked directly: ${sum((s) => s.tpLinked, scores)} right, ${sum((s) => s.fpLinked, scores)} wrong (the rest only share a claim group)`,
  );
  if (before.length === events.length)
    lines.push(
      `claims-gold    before (2026-12-01 engine): ${fmt(
        sum((s) => s.tp, before),
        sum((s) => s.fp, before),
        sum((s) => s.gold, before),
      )}`,
    );
  for (const s of scores) {
    const b = BEFORE[s.event];
    lines.push(`claims-gold    ${s.event.padEnd(11)} ${fmt(s.tp, s.fp, s.gold)}${b ? `   before: ${fmt(b.tp, b.fp, b.gold)}` : ''}`);
    if (verbose) lines.push(...s.wrong.map((w) => `      wrong:  ${w}`), ...s.missed.map((m) => `      missed: ${m}`));
  }
  return lines;
}

/** A cross-report pair of claim-bearing body sentences of one labelled event, with the statistics a story of its reports gives. */
export interface EventPair {
  /** Index of the event in loadEvents' order. */
  event: number;
  a: SentenceAnalysis;
  b: SentenceAnalysis;
  /** The two sentences share a labelled claim. */
  same: boolean;
  stats: TermStats;
  local: TermStats;
}

/**
 * Every cross-report pair of body sentences (titles left out) of the labelled
 * events: the claim-bearing ones (`pairs`) and the number of labelled pairs
 * among all, claim-bearing or not (`gold`, recall's denominator).
 */
export function eventPairs(shared: string): { pairs: EventPair[]; gold: number; events: number } {
  const events = loadEvents(shared);
  const pairs: EventPair[] = [];
  let gold = 0;
  events.forEach(({ sheet, gold: g }, event) => {
    const sents = sheet.docs.flatMap((d) =>
      d.text
        .split('\n')
        .map((text, k) => ({ id: `${d.letter}${k + 1}`, doc: d.letter, text, k }))
        .filter((x) => x.k > 0),
    );
    // The statistics alignArticles gives a story of these articles: corpus counts and story-local stems.
    const stats = createTermStats(sents.map((x) => contentTerms(x.text)));
    const an = sents.map((x) => analyseCached(x.text));
    const local = createTermStats(an.map((a) => [...new Set(a.terms)]));
    for (let i = 0; i < sents.length; i++)
      for (let j = i + 1; j < sents.length; j++) {
        if (sents[i]!.doc === sents[j]!.doc) continue;
        const same = (g.sentences[sents[i]!.id] ?? []).some((c) => (g.sentences[sents[j]!.id] ?? []).includes(c));
        if (same) gold++;
        if (claimBearing(an[i]!) && claimBearing(an[j]!)) pairs.push({ event, a: an[i]!, b: an[j]!, same, stats, local });
      }
  });
  return { pairs, gold, events: events.length };
}

/** Every cross-report pair of body sentences scored: P/R of the claim score at each threshold, over all events. */
export function pairCeiling(shared: string, thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]): string[] {
  const scorer = createScorer();
  const { pairs, gold } = eventPairs(shared);
  const scored = pairs.map((q) => ({ y: q.same, p: scorePair(q.a, q.b, q.stats, q.local, scorer).p }));
  return thresholds.map((t) => {
    const hit = scored.filter((q) => q.p >= t);
    const tp = hit.filter((q) => q.y).length;
    return `claims-gold  every pair scored, link at ≥ ${t}: ${fmt(tp, hit.length - tp, gold)}`;
  });
}

/**
 * Pairs by the number of content words they share (same word, same family or
 * synonyms, aligned one to one): how many of the labelled pairs a judge
 * that needs shared words could find at all, and how precise "shares at
 * least k" is as a rule.
 */
export function wordBound(shared: string, maxK = 5): string[] {
  const lex = getLexicon();
  const { pairs, gold } = eventPairs(shared);
  const labelled = new Array<number>(maxK + 1).fill(0);
  const all = new Array<number>(maxK + 1).fill(0);
  for (const q of pairs) {
    const k = Math.min(
      maxK,
      align(prepare(q.a, lex), prepare(q.b, lex), lex).filter((x) => x.relation !== 'similar' && x.relation !== 'hypernym').length,
    );
    all[k]!++;
    if (q.same) labelled[k]!++;
  }
  const lines = [
    `claims-gold  labelled pairs by content words shared (same, family, synonym): ${labelled.map((n, k) => `${k}${k === maxK ? '+' : ''}: ${n} of ${all[k]}`).join(', ')} (${gold} labelled in all)`,
  ];
  for (let k = maxK; k >= 1; k--) {
    const tp = labelled.slice(k).reduce((x, y) => x + y, 0);
    const n = all.slice(k).reduce((x, y) => x + y, 0);
    lines.push(
      `claims-gold    sharing ≥ ${k}: P ${pct(tp / n)} R ${pct(tp / gold)} as a rule (R is also what a perfect judge of these pairs alone reaches)`,
    );
  }
  return lines;
}

if (isMainModule(import.meta.url)) {
  try {
    if (process.argv.includes('--pairs')) for (const l of [...pairCeiling(sharedDir()), ...wordBound(sharedDir())]) console.log(l);
    for (const l of await evaluate(sharedDir(), process.argv.includes('--verbose'))) console.log(l);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
