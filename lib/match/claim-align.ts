/**
 * Which scored sentence pairs between two articles of one story become links:
 * each sentence of the target article keeps its best partner in the other
 * article when the pair's claim score (link scale) reaches the threshold.
 */

export interface ScoredPair {
  /** Sentence of the target article. */
  i: number;
  /** Sentence of the other article. */
  j: number;
  /** Claim score on the link scale. */
  p: number;
}

/** The pairs linked: at most `perSentence` per target sentence (its best), each at or above `threshold`. */
export function bestPartners<P extends ScoredPair>(pairs: readonly P[], threshold: number, perSentence = 1): P[] {
  const byI = new Map<number, P[]>();
  for (const q of pairs) {
    if (q.p < threshold) continue;
    let list = byI.get(q.i);
    if (!list) byI.set(q.i, (list = []));
    list.push(q);
  }
  return [...byI.values()].flatMap((list) => list.sort((x, y) => y.p - x.p).slice(0, perSentence));
}
