import { describe, expect, test } from 'vitest';
import {
  assignStory,
  clusterArticles,
  mergeIntoProfile,
  storyFeatures,
  storyKeys,
  storyTerms,
  type StoryDoc,
} from '../../lib/story/stories';
import { createTermStats } from '../../lib/match/term-stats';
import { STORY } from '../../lib/story/story-config';

const doc = (id: string, title: string, text: string, publishedAt?: string): StoryDoc => ({ id, title, text, outlet: id, publishedAt });

const quake1 = doc(
  'a',
  'Earthquake shakes Lisbon',
  'A strong earthquake struck Lisbon on Tuesday, damaging buildings in the Alfama district. Firefighters searched collapsed houses in Alfama while the mayor of Lisbon asked residents to stay outside.',
  '2024-03-05T10:00:00Z',
);
const quake2 = doc(
  'b',
  'Lisbon quake damages old town',
  'Buildings collapsed in the Alfama district of Lisbon after an earthquake on Tuesday. The mayor urged residents of Lisbon to stay outside as firefighters searched the rubble.',
  '2024-03-05T12:00:00Z',
);
const election = doc(
  'c',
  'Finland votes in general election',
  'Voters in Finland chose a new parliament on Sunday. The Social Democrats led early counts in Helsinki, where turnout was high, and coalition talks are expected.',
  '2024-03-05T11:00:00Z',
);
const electionLater = doc(
  'd',
  'Finland general election results',
  'Voters in Finland chose a new parliament. The Social Democrats led counts in Helsinki and coalition talks are expected.',
  '2024-04-20T11:00:00Z',
);

describe('story grouping', () => {
  test('articles on one event share a story, another event gets its own', () => {
    const ids = clusterArticles([quake1, election, quake2]);
    expect(ids[0]).toBe(ids[2]);
    expect(ids[1]).not.toBe(ids[0]);
  });

  test('the same words weeks apart start a new story', () => {
    const ids = clusterArticles([election, electionLater]);
    expect(ids[0]).not.toBe(ids[1]);
  });

  test('an empty batch gives no stories', () => {
    expect(clusterArticles([])).toEqual([]);
  });

  test('incremental path: features, keys, assignment and merge agree with the batch', () => {
    const stats = createTermStats([quake1, quake2, election].map((d) => storyTerms(`${d.title}\n${d.text}`)));
    const f1 = storyFeatures(quake1, stats);
    const f2 = storyFeatures(quake2, stats);
    expect(Object.keys(f1.terms).length).toBeLessThanOrEqual(STORY.maxTerms);
    expect(f1.names).toContain('alfama');
    expect(storyKeys(f1).some((k) => storyKeys(f2).includes(k))).toBe(true);
    const profile = { id: 's1', features: f1, articleCount: 1, firstSeen: f1.time!, lastSeen: f1.time!, title: quake1.title };
    expect(assignStory(f2, [profile]).storyId).toBe('s1');
    expect(assignStory(storyFeatures(election, stats), [profile]).storyId).toBeNull();
    const merged = mergeIntoProfile(profile, f2, quake2.title);
    expect(merged.articleCount).toBe(2);
    expect(merged.lastSeen).toBe(f2.time);
    expect(merged.title).toBe(quake1.title);
  });
});
