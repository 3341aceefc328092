/**
 * ECB+ (topics with two similar but different events each):
 * 1. story grouping must keep the two events of a topic apart: pairwise
 *    precision/recall of same-story pairs (gold: topic + sub-topic);
 * 2. sentence links: two sentences of different documents of one event
 *    (sub-topic) are linked in the gold when they hold mentions of one
 *    cross-document event chain (reporting verbs left out). `--tune` sweeps the
 *    within-story link threshold on topics 1–11; the report is on topics 12+.
 *
 * Story settings are swept on topics 1–11 with `--tune-stories`.
 *
 * 3. claim groups: the grouping rule is swept on topics 1–11 with `--tune-groups`.
 *
 *   npx tsx scripts/eval/ecbplus.ts [--tune | --tune-stories | --tune-groups]   (SWEEP='[{"threshold":0.2}]' for story settings to try)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CLAIM_GROUP_RULE, matchArticle, type ArticleSentences, type ClaimGroupRule } from '../../lib/match/claims';
import { CLAIM_LINK_THRESHOLD } from '../../lib/match/config';
import { createScorer, type PairScorer } from '../../lib/match/scorer';
import { createTermStats } from '../../lib/match/term-stats';
import { pipelineStories } from './pipeline-stories';
import { alignArticles } from '../../lib/story/align';
import { STORY } from '../../lib/story/story-config';
import { contentTerms } from '../../lib/text/tokens';
import { pairwise, pct } from './cluster-metrics';
import { isMainModule, sharedDir, printEvaluation } from './shared-path';

interface EcbDoc {
  doc: string;
  topic: number;
  subtopic: string;
  sentences: { n: number; text: string; coref_annotated: boolean }[];
}

function load(shared: string): { docs: EcbDoc[]; chains: Record<string, [string, number, string, string][]> } {
  const dir = path.join(shared, 'eval', 'ecbplus');
  const docsFile = path.join(dir, 'ecbplus_docs.dev.jsonl');
  const chainsFile = path.join(dir, 'ecbplus_crossdoc_chains.dev.json');
  if (!existsSync(docsFile) || !existsSync(chainsFile)) throw new Error(`missing: ${dir} (set PARALLAX_SHARED to the shared data folder)`);
  const docs = readFileSync(docsFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbDoc);
  return { docs, chains: JSON.parse(readFileSync(chainsFile, 'utf8')) };
}

const sid = (doc: string, n: number): string => `${doc}#${n}`;
const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

function goldLinks(docs: EcbDoc[], chains: Record<string, [string, number, string, string][]>): Set<string> {
  const story = new Map(docs.map((d) => [d.doc, `${d.topic}-${d.subtopic}`]));
  const gold = new Set<string>();
  for (const members of Object.values(chains)) {
    const events = members.filter(([doc, , , type]) => type.startsWith('ACTION') && type !== 'ACTION_REPORTING' && story.has(doc));
    for (const [da, na] of events)
      for (const [db, nb] of events) if (da !== db && story.get(da) === story.get(db)) gold.add(pairKey(sid(da, na), sid(db, nb)));
  }
  return gold;
}

/** Every scored candidate pair within each event (sub-topic), with its probability. */
function scoredPairs(docs: EcbDoc[]): { key: string; p: number; article: string }[] {
  const base = createScorer();
  const out: { key: string; p: number; article: string }[] = [];
  const groups = new Map<string, EcbDoc[]>();
  for (const d of docs) groups.set(`${d.topic}-${d.subtopic}`, [...(groups.get(`${d.topic}-${d.subtopic}`) ?? []), d]);
  for (const members of groups.values()) {
    const views: ArticleSentences[] = members.map((d) => ({
      article: { id: d.doc, outlet: d.doc, url: d.doc, title: '' },
      sentences: d.sentences
        .filter((s) => s.coref_annotated)
        .map((s) => ({ id: sid(d.doc, s.n), index: s.n, start: 0, end: s.text.length, text: s.text })),
    }));
    const stats = createTermStats(views.flatMap((v) => v.sentences.map((s) => contentTerms(s.text))));
    const byText = new Map(views.flatMap((v) => v.sentences.map((s) => [s.text, s.id] as const)));
    for (const v of views) {
      // Records every probability the matcher asks for, before its threshold.
      const recorder: PairScorer = {
        score(a, b, st) {
          const r = base.score(a, b, st);
          const ka = byText.get(a.text);
          const kb = byText.get(b.text);
          if (ka && kb) out.push({ key: pairKey(ka, kb), p: r.probability, article: kb.split('#')[0]! });
          return r;
        },
      };
      matchArticle(
        v,
        views.filter((o) => o !== v),
        stats,
        recorder,
      );
    }
  }
  return out;
}

function linkScores(
  scored: { key: string; p: number }[],
  gold: Set<string>,
  goldInScope: number,
  t: number,
): { p: number; r: number; f1: number } {
  const predicted = new Set(scored.filter((s) => s.p >= t).map((s) => s.key));
  let tp = 0;
  for (const k of predicted) if (gold.has(k)) tp++;
  const p = predicted.size ? tp / predicted.size : 0;
  const r = goldInScope ? tp / goldInScope : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/**
 * Claim grouping as the extension does it: the documents (one outlet each)
 * captured in file order through the capture pipeline, claim groups as the
 * store keeps them. Scored: cross-document pairs of annotated sentences put in
 * one group. Gold "same claim": the two sentences share a cross-document event
 * chain (reporting verbs left out) and, when both name participants (person,
 * thing, place, time chains), share one of them; pairs sharing an event but
 * no participant are left out (neither right nor wrong: often the same event
 * told of other actors, a different claim). `loose` counts every
 * event-sharing pair as gold.
 */
interface GroupScore {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  gold: number;
  looseP: number;
  looseR: number;
}

async function claimGroupScores(
  docs: EcbDoc[],
  chains: Record<string, [string, number, string, string][]>,
  rules: (ClaimGroupRule | undefined)[],
): Promise<GroupScore[]> {
  const eventsOf = new Map<string, Set<string>>();
  const partsOf = new Map<string, Set<string>>();
  for (const [id, members] of Object.entries(chains))
    for (const [doc, n, , type] of members) {
      if (type.includes('REPORTING')) continue;
      const target = type.startsWith('ACTION') || type.startsWith('NEG') ? eventsOf : partsOf;
      const k = sid(doc, n);
      target.set(k, (target.get(k) ?? new Set()).add(id));
    }
  const none = new Set<string>();
  const annotated = new Set(docs.flatMap((d) => d.sentences.filter((s) => s.coref_annotated).map((s) => sid(d.doc, s.n))));
  const docOf = (k: string): string => k.slice(0, k.lastIndexOf('#'));
  // Gold within each event.
  const label = new Map<string, 1 | -1>();
  let gold = 0;
  let looseGold = 0;
  const events = new Map<string, EcbDoc[]>();
  for (const d of docs) events.set(`${d.topic}-${d.subtopic}`, [...(events.get(`${d.topic}-${d.subtopic}`) ?? []), d]);
  for (const members of events.values()) {
    const ann = members.flatMap((d) => d.sentences.map((s) => sid(d.doc, s.n))).filter((k) => annotated.has(k));
    for (let x = 0; x < ann.length; x++)
      for (let y = x + 1; y < ann.length; y++) {
        const a = ann[x]!;
        const b = ann[y]!;
        if (docOf(a) === docOf(b)) continue;
        const ea = eventsOf.get(a) ?? none;
        const eb = eventsOf.get(b) ?? none;
        if (![...ea].some((c) => eb.has(c))) continue;
        const pa = partsOf.get(a) ?? none;
        const pb = partsOf.get(b) ?? none;
        const strict = !pa.size || !pb.size || [...pa].some((c) => pb.has(c));
        label.set(pairKey(a, b), strict ? 1 : -1);
        looseGold++;
        if (strict) gold++;
      }
  }
  // The documents as articles: the first sentence is the title, sentence n of the text is ECB+ sentence n + 1.
  const inputs = docs.map((d) => ({
    id: d.doc,
    url: `https://eval.invalid/${encodeURIComponent(d.doc)}`,
    outlet: d.doc,
    title: d.sentences[0]?.text ?? '',
    text: d.sentences
      .slice(1)
      .map((s) => s.text)
      .join('\n\n'),
  }));
  const firstN = new Map(docs.map((d) => [d.doc, d.sentences.slice(1).map((s) => s.n)]));
  const out: GroupScore[] = [];
  for (const rule of rules) {
    const t = { tp: 0, fp: 0, ltp: 0, lfp: 0 };
    const result = await alignArticles(inputs, rule ? { rule } : {});
    // Pipeline sentences map back to ECB+ sentences by text order within the document.
    const toEcb = new Map<string, string>();
    for (const a of result.articles) {
      const ns = firstN.get(a.id) ?? [];
      const texts = docs.find((d) => d.doc === a.id)!.sentences.slice(1);
      let k = 0;
      for (const s of a.sentences) {
        while (k < texts.length && !texts[k]!.text.includes(s.text.slice(0, 40)) && !s.text.includes(texts[k]!.text.slice(0, 40))) k++;
        if (k < texts.length) toEcb.set(s.id, sid(a.id, ns[k]!));
      }
    }
    for (const story of result.stories)
      for (const g of story.claims) {
        const ids = [
          ...new Set(g.sentences.map((s) => toEcb.get(s.sentenceId)).filter((k): k is string => k !== undefined && annotated.has(k))),
        ];
        for (let x = 0; x < ids.length; x++)
          for (let y = x + 1; y < ids.length; y++) {
            if (docOf(ids[x]!) === docOf(ids[y]!)) continue;
            const l = label.get(pairKey(ids[x]!, ids[y]!));
            if (l === undefined) {
              t.fp++;
              t.lfp++;
            } else {
              t.ltp++;
              if (l === 1) t.tp++;
            }
          }
      }
    const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0;
    const r = gold ? t.tp / gold : 0;
    out.push({
      p,
      r,
      f1: p + r ? (2 * p * r) / (p + r) : 0,
      tp: t.tp,
      fp: t.fp,
      gold,
      looseP: t.ltp + t.lfp ? t.ltp / (t.ltp + t.lfp) : 0,
      looseR: looseGold ? t.ltp / looseGold : 0,
    });
  }
  return out;
}

const ruleName = (r: ClaimGroupRule = CLAIM_GROUP_RULE): string =>
  `${r.density !== undefined ? `density ${r.density.toFixed(2)}` : 'single'} ${r.min}${r.perArticle !== undefined ? `, ≤${r.perArticle} per article` : ''}`;

const GROUP_RULES: ClaimGroupRule[] = [0.5, 0.55, 0.6, 0.7].flatMap((min) => [
  { min },
  ...[1, 2, 3, 4].map((perArticle) => ({ min, perArticle })),
]);

const groupLine = (s: GroupScore): string =>
  `P ${pct(s.p)} R ${pct(s.r)} F1 ${pct(s.f1)} (${s.tp} right, ${s.fp} wrong of ${s.gold}); event-only gold P ${pct(s.looseP)} R ${pct(s.looseR)}`;

async function tuneGroups(shared: string): Promise<void> {
  const { docs, chains } = load(shared);
  const part = docs.filter((d) => d.topic <= 11);
  const scores = await claimGroupScores(part, chains, GROUP_RULES);
  GROUP_RULES.forEach((r, i) => console.log(`${ruleName(r).padEnd(38)} ${groupLine(scores[i]!)}`));
  const ok = scores.map((s, i) => ({ s, i })).filter(({ s }) => s.p >= 0.8);
  const best = (ok.length ? ok.sort((x, y) => y.s.r - x.s.r) : scores.map((s, i) => ({ s, i })).sort((x, y) => y.s.f1 - x.s.f1))[0]!;
  console.log(`chosen (highest recall at P ≥ 80 % on topics 1–11): ${ruleName(GROUP_RULES[best.i]!)}`);
  const held = await claimGroupScores(
    docs.filter((d) => d.topic >= 12),
    chains,
    [GROUP_RULES[best.i]!],
  );
  console.log(`held-out topics 12+: chosen ${groupLine(held[0]!)}`);
}

/** Story grouping of a set of documents: same-story pair scores and the pairs that merge a topic's two events. */
async function storyScores(
  docs: EcbDoc[],
): Promise<{ p: number; r: number; f1: number; crossEvent: number; events: number; topics: number; topicOnly: { p: number; r: number } }> {
  // Each document is its own outlet; its first sentence stands as its title.
  const storyDocs = docs.map((d) => ({
    id: d.doc,
    title: d.sentences[0]?.text ?? '',
    text: d.sentences
      .slice(1)
      .map((s) => s.text)
      .join(' '),
    outlet: d.doc,
  }));
  const pred = await pipelineStories(storyDocs);
  const goldStory = docs.map((d) => `${d.topic}-${d.subtopic}`);
  const story = pairwise(goldStory, pred);
  const topicOnly = pairwise(
    goldStory,
    docs.map((d) => String(d.topic)),
  );
  let crossEvent = 0;
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++)
      if (pred[i] === pred[j] && docs[i]!.topic === docs[j]!.topic && docs[i]!.subtopic !== docs[j]!.subtopic) crossEvent++;
  return { ...story, crossEvent, events: new Set(goldStory).size, topics: new Set(docs.map((d) => d.topic)).size, topicOnly };
}

export async function evaluate(shared: string): Promise<string[]> {
  const { docs, chains } = load(shared);
  const all = await storyScores(docs);
  const heldStories = await storyScores(docs.filter((d) => d.topic >= 12));

  const held = docs.filter((d) => d.topic >= 12);
  const gold = goldLinks(held, chains);
  const scored = scoredPairs(held);
  const ours = linkScores(scored, gold, gold.size, CLAIM_LINK_THRESHOLD);
  const loose = linkScores(scored, gold, gold.size, 0.5);
  const [grouped] = await claimGroupScores(held, chains, [undefined]);
  return [
    `ecbplus  story grouping, held-out topics 12+ (${heldStories.events} events in ${heldStories.topics} topics; settings tuned on 1–11): same-story pairs P ${pct(heldStories.p)} R ${pct(heldStories.r)} F1 ${pct(heldStories.f1)}; ${heldStories.crossEvent} pairs merge the two different events of one topic`,
    `ecbplus    all ${docs.length} docs (${all.events} events in ${all.topics} topics): P ${pct(all.p)} R ${pct(all.r)} F1 ${pct(all.f1)}; ${all.crossEvent} cross-event pairs`,
    `ecbplus    baseline "one story per topic" (merges the similar events), topics 12+: P ${pct(heldStories.topicOnly.p)} R ${pct(heldStories.topicOnly.r)}`,
    `ecbplus  sentence links, topics 12+ (${gold.size} gold cross-doc pairs): threshold ${CLAIM_LINK_THRESHOLD} P ${pct(ours.p)} R ${pct(ours.r)} F1 ${pct(ours.f1)}; scorer's own 0.5: P ${pct(loose.p)} R ${pct(loose.r)}`,
    `ecbplus  claim groups, topics 12+ (${ruleName(CLAIM_GROUP_RULE)}; the shipped rule, CLAIM_GROUP_RULE; --tune-groups compares others on 1–11): cross-doc pairs in one group ${groupLine(grouped!)}`,
  ];
}

async function tuneStories(shared: string): Promise<void> {
  const part = load(shared).docs.filter((d) => d.topic <= 11);
  const chosen = { ...STORY };
  const sweeps = (
    process.env.SWEEP
      ? JSON.parse(process.env.SWEEP)
      : [{}, { conflictNames: 0 }, { conflictTop: 1 }, { conflictTop: 3 }, { conflictNames: 5 }]
  ) as Partial<typeof STORY>[];
  for (const change of sweeps) {
    Object.assign(STORY, chosen, change);
    const s = await storyScores(part);
    console.log(`${JSON.stringify(change)}: P ${pct(s.p)} R ${pct(s.r)} F1 ${pct(s.f1)}; ${s.crossEvent} cross-event pairs`);
  }
  Object.assign(STORY, chosen);
}

function tune(shared: string): void {
  const { docs, chains } = load(shared);
  const part = docs.filter((d) => d.topic <= 11);
  const gold = goldLinks(part, chains);
  const scored = scoredPairs(part);
  for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
    const s = linkScores(scored, gold, gold.size, t);
    console.log(`threshold ${t}: P ${pct(s.p)} R ${pct(s.r)} F1 ${pct(s.f1)}`);
  }
}

if (isMainModule(import.meta.url)) {
  if (process.argv.includes('--tune-stories')) await tuneStories(sharedDir());
  else if (process.argv.includes('--tune-groups')) await tuneGroups(sharedDir());
  else if (process.argv.includes('--tune')) tune(sharedDir());
  else printEvaluation(evaluate);
}
