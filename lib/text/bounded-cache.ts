/**
 * The one kind of cache the engine keeps: results of pure functions of
 * text (stems, sentence analyses, word lists of quotations and names), which
 * recur across the sentence pairs of a story. Bounded so a long-running
 * background does not grow without end: when full, it is emptied whole (the
 * next story refills what it needs), which costs one recomputation per entry
 * and no bookkeeping per hit.
 */
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  /** The cached value of `key`, computed and kept on a miss. */
  getOr(key: K, compute: (key: K) => V): V;
  readonly size: number;
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
    get size() {
      return map.size;
    },
  };
}
