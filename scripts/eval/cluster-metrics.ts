/** Clustering scores shared by the story evaluations. */

/** B-cubed precision, recall and F1 of predicted labels against gold labels (same order). */
export function bcubed(gold: string[], pred: string[]): { p: number; r: number; f1: number } {
  const byGold = new Map<string, number[]>();
  const byPred = new Map<string, number[]>();
  gold.forEach((g, i) => byGold.set(g, [...(byGold.get(g) ?? []), i]));
  pred.forEach((c, i) => byPred.set(c, [...(byPred.get(c) ?? []), i]));
  let p = 0;
  let r = 0;
  for (let i = 0; i < gold.length; i++) {
    const sameGold = byGold.get(gold[i]!)!;
    const samePred = byPred.get(pred[i]!)!;
    const predSet = new Set(samePred);
    const both = sameGold.filter((j) => predSet.has(j)).length;
    p += both / samePred.length;
    r += both / sameGold.length;
  }
  p /= gold.length;
  r /= gold.length;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Pairwise precision and recall of "same cluster" pairs. */
export function pairwise(gold: string[], pred: string[]): { p: number; r: number; f1: number; predPairs: number } {
  let tp = 0;
  let predPairs = 0;
  let goldPairs = 0;
  for (let i = 0; i < gold.length; i++)
    for (let j = i + 1; j < gold.length; j++) {
      const g = gold[i] === gold[j];
      const q = pred[i] === pred[j];
      if (g) goldPairs++;
      if (q) predPairs++;
      if (g && q) tp++;
    }
  const p = predPairs ? tp / predPairs : 1;
  const r = goldPairs ? tp / goldPairs : 1;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), predPairs };
}

/** Single-link clustering over a similarity function with a threshold (union-find). */
export function singleLink(n: number, sim: (i: number, j: number) => number, threshold: number): string[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (sim(i, j) >= threshold) parent[find(i)] = find(j);
  return Array.from({ length: n }, (_, i) => String(find(i)));
}

export function sparseCosine(a: Map<string, number>, b: Map<string, number>): number {
  let s = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v !== undefined) s += w * v;
  }
  return s;
}

export const pct = (x: number): string => (100 * x).toFixed(1);
