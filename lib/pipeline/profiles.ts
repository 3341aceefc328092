/** Story profiles as stored: the engine's profile plus its look-up keys. */
import type { StoryRecord } from '../types';
import { createProfile, mergeIntoProfile, storyKeys, type StoryFeatures } from '../story/stories';

// An article without a publication time opens a profile at time 0, as the
// batch grouping does, which leaves that story without a time window.
export function newProfile(id: string, f: StoryFeatures, title: string): StoryRecord {
  const p = createProfile(id, f, title, 0);
  return { ...p, keys: storyKeys(p.features) };
}

export function mergeProfile(story: StoryRecord, f: StoryFeatures, title: string): StoryRecord {
  const { keys: _keys, ...profile } = story;
  const p = mergeIntoProfile(profile, f, title);
  return { ...p, keys: storyKeys(p.features) };
}
