/**
 * The one kind of cache the engine keeps: results of pure functions of
 * text (stems, sentence analyses, word lists of quotations and names), which
 * recur across the sentence pairs of a story. Bounded so a long-running
 * background does not grow without end: when full, it is emptied whole (the
 * next story refills what it needs), which costs one recomputation per entry
 * and no bookkeeping per hit.
 *
 * Every such cache is created through the engine context (`engineCache`),
 * which owns them all by name: it reports their sizes and empties them
 * together (`clearEngineCaches`), e.g. when the lexicon or the store changes
 * under a long-running process, or between measurements.
 */
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  /** The cached value of `key`, computed and kept on a miss. */
  getOr(key: K, compute: (key: K) => V): V;
  /** Empties the cache. */
  clear(): void;
  readonly size: number;
  /** Most entries held at once. */
  readonly limit: number;
}

export function boundedCache<K, V>(limit: number): BoundedCache<K, V> {
  const map = new Map<K, V>();
  const set = (key: K, value: V): void => {
    if (map.size >= limit) map.clear();
    map.set(key, value);
  };
  return {
    get: (key) => map.get(key),
    set,
    getOr(key, compute) {
      let v = map.get(key);
      if (v === undefined) {
        v = compute(key);
        set(key, v);
      }
      return v;
    },
    clear: () => map.clear(),
    get size() {
      return map.size;
    },
    limit,
  };
}

/** Size and limit of one named cache. */
export interface CacheReport {
  size: number;
  limit: number;
}

/** Owner of a set of named bounded caches. */
export interface EngineContext {
  /** A new bounded cache, registered under `name` (one cache per name). */
  cache<K, V>(name: string, limit: number): BoundedCache<K, V>;
  /** Every cache's size and limit, by name. */
  report(): Record<string, CacheReport>;
  /** Empties every cache. */
  clear(): void;
}

export function createEngineContext(): EngineContext {
  const caches = new Map<string, BoundedCache<unknown, unknown>>();
  return {
    cache<K, V>(name: string, limit: number): BoundedCache<K, V> {
      if (caches.has(name)) throw new Error(`engine cache "${name}" is created twice`);
      const c = boundedCache<K, V>(limit);
      caches.set(name, c as BoundedCache<unknown, unknown>);
      return c;
    },
    report() {
      const out: Record<string, CacheReport> = {};
      for (const [name, c] of caches) out[name] = { size: c.size, limit: c.limit };
      return out;
    },
    clear() {
      for (const c of caches.values()) c.clear();
    },
  };
}

/** The engine's context: owner of every cache the engine's modules keep. */
export const ENGINE = createEngineContext();

/** A bounded cache owned by the engine context, under `name`. */
export function engineCache<K, V>(name: string, limit: number): BoundedCache<K, V> {
  return ENGINE.cache<K, V>(name, limit);
}

/** Size and limit of each of the engine's caches, by name. */
export function engineCacheReport(): Record<string, CacheReport> {
  return ENGINE.report();
}

/** Empties every cache the engine keeps; nothing computed from them changes, only their cost. */
export function clearEngineCaches(): void {
  ENGINE.clear();
}
