/**
 * ECB+ as labelled within-story sentence pairs: two annotated sentences of
 * different documents about one event (sub-topic) are positive when they hold
 * the same claim: every event chain (reporting verbs left out) of the one with
 * fewer events is mentioned by the other, and they share a participant chain
 * (person, thing, place or time) when both name any. Pairs sharing no event
 * chain are negative; pairs sharing some events but not the whole claim are
 * left out (neither). Each event's own sentences give its story-local statistics.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTermStats, type TermStats } from '../../lib/match/term-stats';
import { analyseSentence, type SentenceAnalysis } from '../../lib/text/analyse';

interface EcbDoc {
  doc: string;
  topic: number;
  subtopic: string;
  sentences: { n: number; text: string; coref_annotated: boolean }[];
}

export interface StoryPair {
  a: SentenceAnalysis;
  b: SentenceAnalysis;
  label: 0 | 1;
  /** Shares at least one event chain (the looser ECB+ link). */
  sharesEvent: boolean;
  topic: number;
  story: string;
  local: TermStats;
}

export function readEcbPairs(shared: string): StoryPair[] {
  const dir = path.join(shared, 'eval', 'ecbplus');
  const docsFile = path.join(dir, 'ecbplus_docs.dev.jsonl');
  const chainsFile = path.join(dir, 'ecbplus_crossdoc_chains.dev.json');
  if (!existsSync(docsFile) || !existsSync(chainsFile)) throw new Error(`missing: ${dir} (set PARALLAX_SHARED to the shared data folder)`);
  const docs = readFileSync(docsFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbDoc);
  const chains = JSON.parse(readFileSync(chainsFile, 'utf8')) as Record<string, [string, number, string, string][]>;
  const key = (doc: string, n: number): string => `${doc}#${n}`;
  const chainsOf = new Map<string, Set<string>>();
  const partsOf = new Map<string, Set<string>>();
  for (const [id, members] of Object.entries(chains))
    for (const [doc, n, , type] of members) {
      if (type.includes('REPORTING')) continue;
      const target = type.includes('ACTION') ? chainsOf : partsOf;
      const k = key(doc, n);
      let s = target.get(k);
      if (!s) target.set(k, (s = new Set()));
      s.add(id);
    }
  const none = new Set<string>();
  const covered = (x: Set<string>, y: Set<string>): boolean => [...x].every((c) => y.has(c));
  const stories = new Map<string, EcbDoc[]>();
  for (const d of docs) {
    const s = `${d.topic}-${d.subtopic}`;
    stories.set(s, [...(stories.get(s) ?? []), d]);
  }
  const out: StoryPair[] = [];
  for (const [story, members] of stories) {
    const analysed = members.map((d) => d.sentences.map((s) => ({ n: s.n, annotated: s.coref_annotated, an: analyseSentence(s.text) })));
    const local = createTermStats(analysed.flatMap((ss) => ss.map((s) => s.an.terms)));
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        for (const x of analysed[i]!) {
          if (!x.annotated) continue;
          const kx = key(members[i]!.doc, x.n);
          const cx = chainsOf.get(kx) ?? none;
          const px = partsOf.get(kx) ?? none;
          for (const y of analysed[j]!) {
            if (!y.annotated) continue;
            const ky = key(members[j]!.doc, y.n);
            const cy = chainsOf.get(ky) ?? none;
            const py = partsOf.get(ky) ?? none;
            const sharesEvent = [...cx].some((c) => cy.has(c));
            const sameEvents = sharesEvent && (cx.size <= cy.size ? covered(cx, cy) : covered(cy, cx));
            const sameParts = !px.size || !py.size || [...px].some((c) => py.has(c));
            const label = !sharesEvent ? 0 : sameEvents && sameParts ? 1 : -1;
            if (label < 0) continue;
            out.push({ a: x.an, b: y.an, label: label === 1 ? 1 : 0, sharesEvent, topic: members[i]!.topic, story, local });
          }
        }
  }
  return out;
}
