/** Where the reader paused capture, kept in the settings table. */
import type { PauseState } from '../types';
import type { ParallaxDb } from '../db/db';
import { isOnHost, normalizeHost } from '../pipeline/ids';

const PAUSE_KEY = 'pause';

export type PauseChange = { scope: 'site'; host: string; paused: boolean } | { scope: 'everywhere'; paused: boolean };

export async function getPauseState(db: ParallaxDb): Promise<PauseState> {
  const rec = await db.settings.get(PAUSE_KEY);
  const v = rec?.value as Partial<PauseState> | undefined;
  return {
    everywhere: v?.everywhere === true,
    hosts: Array.isArray(v?.hosts) ? v.hosts.filter((h): h is string => typeof h === 'string') : [],
  };
}

export async function setPauseState(db: ParallaxDb, change: PauseChange): Promise<PauseState> {
  return db.transaction('rw', db.settings, async () => {
    const state = await getPauseState(db);
    if (change.scope === 'everywhere') {
      state.everywhere = change.paused;
    } else {
      const host = normalizeHost(change.host);
      if (!host) throw new Error('Cannot pause capture for an empty host name');
      const hosts = new Set(state.hosts);
      if (change.paused) hosts.add(host);
      else hosts.delete(host);
      state.hosts = [...hosts].sort();
    }
    await db.settings.put({ key: PAUSE_KEY, value: state });
    return state;
  });
}

/** Paused everywhere, on the host itself, or on a parent domain ("example.com" covers "news.example.com"). */
export function hostIsPaused(state: PauseState, host: string): boolean {
  if (state.everywhere) return true;
  const h = normalizeHost(host);
  return state.hosts.some((p) => isOnHost(h, p));
}
