import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DEMO_ARTICLES, demoPageFile } from '../../demo/corpus';
import { extractFromHtml } from '../../lib/extract/from-html';
import { createTermStats } from '../../lib/match/term-stats';
import {
  assignStory,
  clusterArticles,
  createProfile,
  mergeIntoProfile,
  storyFeatures,
  storyKeys,
  type StoryDoc,
  type StoryProfile,
} from '../../lib/story/stories';
import { segmentSentences } from '../../lib/text/segment';
import { contentTerms } from '../../lib/text/tokens';

const sites = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../demo/sites');

// The demo pages as the extension captures them, in publication order.
const demo = DEMO_ARTICLES.map((a) => {
  const url = `https://${a.host}${a.path}`;
  const x = extractFromHtml(readFileSync(path.join(sites, demoPageFile(a.host, a.path)), 'utf8'), url);
  if (!x.ok) throw new Error(`demo page ${url} did not extract: ${x.reason}`);
  const { title, text, outlet, publishedAt } = x.article;
  const doc: StoryDoc = { id: url, title, text, outlet, ...(publishedAt ? { publishedAt } : {}) };
  return { story: a.story, doc };
}).sort((a, b) => Date.parse(a.doc.publishedAt ?? '') - Date.parse(b.doc.publishedAt ?? ''));

/**
 * The store's steps from an empty store: article-level document frequencies
 * (each article's sentence stems, once) over everything stored plus the new
 * article, candidates by shared look-up keys, then assign or create, then merge.
 */
function ingestAll(): string[] {
  const articles = createTermStats([]);
  const stories = new Map<string, StoryProfile & { keys: string[] }>();
  return demo.map(({ doc }) => {
    articles.add(segmentSentences(doc.text).flatMap((s) => contentTerms(s.text)));
    const f = storyFeatures(doc, articles);
    const keys = new Set(storyKeys(f));
    const candidates = [...stories.values()].filter((p) => p.keys.some((k) => keys.has(k)));
    const choice = assignStory(f, candidates);
    const profile = choice.storyId
      ? mergeIntoProfile(stories.get(choice.storyId)!, f, doc.title)
      : createProfile(`story-${doc.id}`, f, doc.title, 0);
    stories.set(profile.id, { ...profile, keys: storyKeys(profile.features) });
    return profile.id;
  });
}

function expectDemoGrouping(ids: string[]): void {
  const a = new Set(ids.filter((_, i) => demo[i]!.story === 'A'));
  const b = new Set(ids.filter((_, i) => demo[i]!.story === 'B'));
  expect(a.size).toBe(1);
  expect(b.size).toBe(1);
  expect([...a][0]).not.toBe([...b][0]);
}

describe('demo corpus stories', () => {
  test('the demo pages extract to six articles on the crane collapse and two on the recall, with times', () => {
    expect(demo.filter((d) => d.story === 'A')).toHaveLength(6);
    expect(demo.filter((d) => d.story === 'B')).toHaveLength(2);
    for (const { doc } of demo) {
      expect(doc.text.length).toBeGreaterThan(200);
      expect(doc.publishedAt).toBeDefined();
    }
  });

  test('captured one by one into an empty store, each event forms one story', () => {
    expectDemoGrouping(ingestAll());
  });

  test('grouped as a batch, each event forms one story', () => {
    expectDemoGrouping(clusterArticles(demo.map((d) => d.doc)));
  });

  test('the batch grouping does not depend on the input order', () => {
    const reversed = clusterArticles([...demo].reverse().map((d) => d.doc)).reverse();
    expectDemoGrouping(reversed);
  });
});
