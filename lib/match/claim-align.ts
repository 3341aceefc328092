/**
 * Sentence alignment between two articles of one story. Two reports of one
 * event state most claims once each, so the alignment is nearly one-to-one: a
 * pair links when each sentence is (within a margin) the other's best
 * candidate in its article and the claim probability clears a floor; a pair
 * that is very likely on its own links whatever else is there (an article may
 * state a claim twice, headline then quotation).
 */

export interface ScoredPair {
  /** Sentence of the target article. */
  i: number;
  /** Sentence of the other article. */
  j: number;
  /** Claim probability. */
  p: number;
}

export interface MutualRule {
  /** No link below this probability. */
  floor: number;
  /** "Best" allows this much below the best candidate on either side. */
  margin: number;
  /** At or above this probability a pair links without being mutually best. */
  strong: number;
}

/** The pairs linked by the rule, one per target sentence at most (its best). */
export function mutualBest(pairs: readonly ScoredPair[], rule: MutualRule): ScoredPair[] {
  const bestI = new Map<number, number>();
  const bestJ = new Map<number, number>();
  for (const q of pairs) {
    if (q.p > (bestI.get(q.i) ?? -1)) bestI.set(q.i, q.p);
    if (q.p > (bestJ.get(q.j) ?? -1)) bestJ.set(q.j, q.p);
  }
  const chosen = new Map<number, ScoredPair>();
  for (const q of pairs) {
    if (q.p < rule.floor) continue;
    const mutual = q.p >= bestI.get(q.i)! - rule.margin && q.p >= bestJ.get(q.j)! - rule.margin;
    if (!mutual && q.p < rule.strong) continue;
    const prev = chosen.get(q.i);
    if (!prev || prev.p < q.p) chosen.set(q.i, q);
  }
  return [...chosen.values()];
}
