/**
 * Base stories for the benchmark: real news text from ../shared/eval
 * (Multi-News clusters: one story told by several outlets; ECB+ topics:
 * documents on one event), as lists of sentences per document. Without the
 * shared data, stories are generated from a small vocabulary, and the
 * benchmark says so.
 */
import { seeded } from '../lib/random';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { segmentSentences } from '../../lib/text/segment';
import { sharedDir } from '../eval/shared-path';

export interface BaseStory {
  /** Where the text comes from ("multinews 50600", "ecbplus 1/ecb"). */
  label: string;
  docs: string[][];
}

// ECB+ sentences come tokenised ("Reid , her rep told People ."): undo the spacing.
function detokenize(s: string): string {
  return s
    .replace(/`` ?/g, '"')
    .replace(/ ?''/g, '"')
    .replace(/ ([,.;:!?%)])/g, '$1')
    .replace(/\( /g, '(')
    .replace(/ (n't|'s|'re|'ve|'ll|'d|'m)\b/g, '$1')
    .replace(/ - /g, '-')
    .trim();
}

export function loadBaseStories(): { stories: BaseStory[]; source: string } {
  const root = sharedDir();
  const multinews = path.join(root, 'eval/multinews/multinews_test_dev500.jsonl');
  const ecbplus = path.join(root, 'eval/ecbplus/ecbplus_docs.dev.jsonl');
  const stories: BaseStory[] = [];
  if (existsSync(multinews)) {
    for (const line of readFileSync(multinews, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { idx: number; documents: string[] };
      const docs = row.documents.map((d) => segmentSentences(d.replace(/\s+/g, ' ')).map((s) => s.text)).filter((d) => d.length >= 3);
      if (docs.length) stories.push({ label: `multinews ${row.idx}`, docs });
    }
  }
  if (existsSync(ecbplus)) {
    const byTopic = new Map<string, string[][]>();
    for (const line of readFileSync(ecbplus, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { topic: number; subtopic: string; sentences: { text: string }[] };
      const key = `${row.topic}/${row.subtopic}`;
      const sentences = row.sentences.map((s) => detokenize(s.text)).filter((s) => s.length > 20);
      if (sentences.length >= 3) byTopic.set(key, [...(byTopic.get(key) ?? []), sentences]);
    }
    for (const [key, docs] of byTopic) stories.push({ label: `ecbplus ${key}`, docs });
  }
  if (stories.length) {
    return { stories, source: `real news text from ${root}/eval (Multi-News clusters and ECB+ topics), recombined` };
  }
  console.error(`Shared evaluation data not found under ${root}/eval (set PARALLAX_SHARED); generating text instead.`);
  return { stories: generatedStories(), source: 'generated text (shared evaluation data missing)' };
}

function generatedStories(): BaseStory[] {
  const rand = seeded(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const nouns =
    'council bridge hospital court senator minister police storm election contract factory school river union company budget airport trial vaccine strike'.split(
      ' ',
    );
  const verbs = 'approved rejected announced delayed investigated closed opened criticised defended expanded'.split(' ');
  const names = 'Whitlock Ellison Moreno Haddad Okafor Lindqvist Tanaka Brennan Costa Novak'.split(' ');
  const stories: BaseStory[] = [];
  for (let s = 0; s < 400; s++) {
    const topic = [pick(nouns), pick(nouns), pick(names)];
    const docs: string[][] = [];
    for (let d = 0; d < 3; d++) {
      const sentences: string[] = [];
      for (let i = 0; i < 20; i++) {
        sentences.push(
          `The ${topic[0]} ${pick(verbs)} the ${pick(nouns)} plan on ${pick(['Monday', 'Tuesday', 'Friday'])}, ${topic[2]} said, citing ${Math.floor(rand() * 900 + 100)} ${topic[1]} records.`,
        );
      }
      docs.push(sentences);
    }
    stories.push({ label: `generated ${s}`, docs });
  }
  return stories;
}

export { seeded };
