/**
 * Typed differences on labelled real news: for every pair of sentences of two
 * reports of one event that share a labelled claim (../shared/eval/claims-gold,
 * development events), the types the difference finder gives against the
 * labelled types of that pair (the union over the pair's `differences`
 * entries, in either order). Precision and recall over (pair, type), overall
 * and per type, for what the card shows and for every type the finder
 * computes, with the figures of the finder as it stood before this evaluation
 * existed printed beside them.
 *
 *   npx tsx scripts/eval.ts claims-differences
 *   npx tsx scripts/eval/claims-differences.ts [--verbose [--right]] [--type=negation]
 *
 * --verbose lists the wrong flags (FP) and the missed ones (FN); --right adds the right ones (TP).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIFFERENCE_TYPES, SHOWN_TYPES, type DifferenceType } from '../../lib/diff/config';
import { findAllDifferences, typeOfKind } from '../../lib/diff/differences';
import { analyseSentence, type SentenceAnalysis } from '../../lib/text/analyse';
import { pct } from './cluster-metrics';
import { isMainModule, sharedDir } from './shared-path';

interface Gold {
  sentences: Record<string, string[]>;
  differences: { a: string; b: string; type: string; a_text?: string; b_text?: string }[];
}
interface Sentences {
  sentences: { id: string; doc: string; text: string }[];
}

/** The finder as it stood on 2026-12-01 (../shared/eval/claims-gold/README.md): right / flagged / labelled. */
const BEFORE: Partial<Record<DifferenceType, [number, number, number]>> = {
  negation: [0, 11, 16],
  attribution: [5, 26, 21],
  number: [7, 18, 44],
  hedged_vs_stated: [6, 15, 73],
  name_spelling: [4, 9, 6],
  quote_wording: [1, 2, 5],
};
const BEFORE_OVERALL = { p: 0.28, r: 0.14, pairs: 847 };

/** The previous figures of the finder, before figures were read by meaning (commit ec12c05): right / flagged / labelled. */
const PREVIOUS: Record<DifferenceType, [number, number, number]> = {
  number: [10, 10, 44],
  name_spelling: [4, 5, 6],
  quote_wording: [3, 3, 5],
  attribution: [5, 12, 21],
  hedged_vs_stated: [10, 10, 73],
  negation: [0, 1, 16],
  confirmed_vs_unverified: [0, 0, 0],
};
const PREVIOUS_SHOWN = { p: 0.96, r: 0.16 };

export interface LabelledPair {
  event: string;
  a: string;
  b: string;
  textA: string;
  textB: string;
  labelled: Set<DifferenceType>;
}

const isType = (t: string): t is DifferenceType => (DIFFERENCE_TYPES as readonly string[]).includes(t);

/** Every labelled same-claim pair of the development events, with its labelled types. */
export function labelledPairs(shared: string): LabelledPair[] {
  const dir = path.join(shared, 'eval', 'claims-gold');
  if (!existsSync(dir)) throw new Error(`missing: ${dir} (set PARALLAX_SHARED to the shared data folder)`);
  const events = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.slice(0, -'.gold.json'.length))
    .sort();
  if (events.length === 0) throw new Error(`missing: ${dir}/event-*.gold.json`);
  const out: LabelledPair[] = [];
  for (const event of events) {
    const gold = JSON.parse(readFileSync(path.join(dir, `${event}.gold.json`), 'utf8')) as Gold;
    const sheet = JSON.parse(readFileSync(path.join(dir, `${event}.sentences.json`), 'utf8')) as Sentences;
    const types = new Map<string, Set<DifferenceType>>();
    const key = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);
    for (const d of gold.differences) {
      if (!isType(d.type)) throw new Error(`${event}: unknown difference type ${d.type}`);
      const k = key(d.a, d.b);
      if (!types.has(k)) types.set(k, new Set());
      types.get(k)!.add(d.type);
    }
    const ss = sheet.sentences;
    for (let i = 0; i < ss.length; i++)
      for (let j = i + 1; j < ss.length; j++) {
        const x = ss[i]!;
        const y = ss[j]!;
        if (x.doc === y.doc) continue;
        const cx = gold.sentences[x.id] ?? [];
        const cy = new Set(gold.sentences[y.id] ?? []);
        if (!cx.some((c) => cy.has(c))) continue;
        out.push({
          event: event.replace(/^event-/, ''),
          a: x.id,
          b: y.id,
          textA: x.text,
          textB: y.text,
          labelled: types.get(key(x.id, y.id)) ?? new Set(),
        });
      }
  }
  return out;
}

interface Tally {
  right: number;
  flagged: number;
  labelled: number;
}

const ratio = (n: number, d: number): string => (d ? (n / d).toFixed(2) : '—');

export function evaluate(shared: string, options: { verbose?: boolean; right?: boolean; only?: DifferenceType } = {}): string[] {
  const pairs = labelledPairs(shared);
  const cache = new Map<string, SentenceAnalysis>();
  const analysed = (t: string): SentenceAnalysis => {
    let an = cache.get(t);
    if (!an) cache.set(t, (an = analyseSentence(t)));
    return an;
  };
  const tally = new Map<DifferenceType, Tally>(DIFFERENCE_TYPES.map((t) => [t, { right: 0, flagged: 0, labelled: 0 }]));
  const errors: string[] = [];
  for (const p of pairs) {
    const found = findAllDifferences(analysed(p.textA), analysed(p.textB));
    const given = new Map<DifferenceType, string>();
    for (const d of found) {
      const t = typeOfKind(d.kind);
      if (!given.has(t)) given.set(t, d.label);
    }
    for (const t of DIFFERENCE_TYPES) {
      const row = tally.get(t)!;
      const g = given.has(t);
      const l = p.labelled.has(t);
      if (g) row.flagged++;
      if (l) row.labelled++;
      if (g && l) row.right++;
      if (options.verbose && (g !== l || (options.right && g)) && (!options.only || options.only === t))
        errors.push(
          `  ${g && l ? 'TP' : g ? 'FP' : 'FN'} ${t} ${p.event} ${p.a}/${p.b}${g ? ` [${given.get(t)}]` : ''}\n      A: ${p.textA}\n      B: ${p.textB}`,
        );
    }
  }
  const sum = (types: readonly DifferenceType[]): Tally =>
    types.reduce(
      (s, t) => {
        const r = tally.get(t)!;
        return { right: s.right + r.right, flagged: s.flagged + r.flagged, labelled: s.labelled + r.labelled };
      },
      { right: 0, flagged: 0, labelled: 0 },
    );
  const all = sum(DIFFERENCE_TYPES);
  // What readers see: hidden types are never shown, so they add nothing flagged and stay unfound.
  const shown = sum(SHOWN_TYPES);
  const shownP = shown.flagged ? shown.right / shown.flagged : 0;
  const lines = [
    `claims-differences  ${pairs.length} labelled same-claim pairs of ${new Set(pairs.map((p) => p.event)).size} development events (before: ${BEFORE_OVERALL.pairs})`,
    `  shown on the card (${SHOWN_TYPES.join(', ')}): P ${ratio(shown.right, shown.flagged)} R ${ratio(shown.right, all.labelled)} (${shown.right} right, ${shown.flagged} flagged, ${all.labelled} labelled)   previous: P ${PREVIOUS_SHOWN.p.toFixed(2)} R ${PREVIOUS_SHOWN.r.toFixed(2)}`,
    `  every type computed: P ${ratio(all.right, all.flagged)} R ${ratio(all.right, all.labelled)}   before: P ${BEFORE_OVERALL.p.toFixed(2)} R ${BEFORE_OVERALL.r.toFixed(2)}`,
    `  ${'type'.padEnd(34)} ${'P'.padStart(5)} ${'R'.padStart(5)}  right/flagged/labelled   previous                before (right/flagged/labelled)`,
  ];
  for (const t of DIFFERENCE_TYPES) {
    const r = tally.get(t)!;
    const b = BEFORE[t];
    const prev = PREVIOUS[t];
    const mark = SHOWN_TYPES.includes(t) ? 'shown' : 'hidden';
    lines.push(
      `  ${`${t} (${mark})`.padEnd(34)} ${ratio(r.right, r.flagged).padStart(5)} ${ratio(r.right, r.labelled).padStart(5)}  ${`${r.right}/${r.flagged}/${r.labelled}`.padEnd(22)}  ${`${prev[0]}/${prev[1]}/${prev[2]} (P ${ratio(prev[0], prev[1])})`.padEnd(22)}  ${b ? `${b[0]}/${b[1]}/${b[2]}` : '—'}`,
    );
  }
  if (shown.flagged > 0 && shownP < 0.9) lines.push(`  (shown precision ${pct(shownP)} is below the 90 % aimed at)`);
  return [...lines, ...errors];
}

if (isMainModule(import.meta.url)) {
  const only = process.argv.find((a) => a.startsWith('--type='))?.slice('--type='.length);
  try {
    const lines = evaluate(sharedDir(), {
      verbose: process.argv.includes('--verbose'),
      right: process.argv.includes('--right'),
      only: only && isType(only) ? only : undefined,
    });
    for (const l of lines) console.log(l);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
