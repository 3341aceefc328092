/** Document frequencies of stems over some collection (sentences or articles). */
export interface TermStats {
  /** Number of documents counted. */
  readonly docCount: number;
  df(term: string): number;
}

/** Smoothed inverse document frequency, never negative. */
export function idf(stats: TermStats, term: string): number {
  return Math.log((stats.docCount + 1) / (stats.df(term) + 0.5));
}

/** Counts each term once per document. */
export function createTermStats(docs: Iterable<readonly string[]>): TermStats & { add(doc: readonly string[]): void } {
  const counts = new Map<string, number>();
  let docCount = 0;
  const add = (doc: readonly string[]): void => {
    docCount++;
    for (const t of new Set(doc)) counts.set(t, (counts.get(t) ?? 0) + 1);
  };
  for (const d of docs) add(d);
  return {
    get docCount() {
      return docCount;
    },
    df: (term) => counts.get(term) ?? 0,
    add,
  };
}
