/** k-fold cross-validation of the pair scorer and its baselines on labelled pairs. */
import { fitLogistic, predict } from './logistic';
import { bestThreshold, foldsOf, metrics, type Metrics } from './mrpc';
import { tfidfCosine, type FeaturedPairs } from './pair-features';

export interface CvResult {
  model: Metrics;
  tfidf: Metrics;
  always: Metrics;
  /** Out-of-fold probabilities of the model, per pair. */
  outOfFold: number[];
  /** Mean over folds of the accuracy-optimal threshold chosen on each training part. */
  threshold: number;
}

const mean = (xs: Metrics[]): Metrics => ({
  accuracy: xs.reduce((s, m) => s + m.accuracy, 0) / xs.length,
  f1: xs.reduce((s, m) => s + m.f1, 0) / xs.length,
});

export function crossValidate(data: FeaturedPairs, k = 10, l2 = 1): CvResult {
  const folds = foldsOf(data.y.length, k);
  const tfidf = data.analyses.map(([a, b]) => tfidfCosine(a, b, data.stats));
  const outOfFold = new Array<number>(data.y.length).fill(0);
  const perFold: Metrics[] = [];
  const perFoldTfidf: Metrics[] = [];
  const perFoldAlways: Metrics[] = [];
  const thresholds: number[] = [];
  for (let f = 0; f < k; f++) {
    const tr = data.y.map((_, i) => i).filter((i) => folds[i] !== f);
    const te = data.y.map((_, i) => i).filter((i) => folds[i] === f);
    const m = fitLogistic(
      tr.map((i) => data.x[i]!),
      tr.map((i) => data.y[i]!),
      l2,
    );
    const trainP = tr.map((i) => predict(m, data.x[i]!));
    const t = bestThreshold(
      trainP,
      tr.map((i) => data.y[i]!),
    );
    thresholds.push(t);
    const gold = te.map((i) => data.y[i]!);
    const p = te.map((i) => predict(m, data.x[i]!));
    te.forEach((i, n) => (outOfFold[i] = p[n]!));
    perFold.push(
      metrics(
        p.map((v) => (v > t ? 1 : 0)),
        gold,
      ),
    );
    const tt = bestThreshold(
      tr.map((i) => tfidf[i]!),
      tr.map((i) => data.y[i]!),
    );
    perFoldTfidf.push(
      metrics(
        te.map((i) => (tfidf[i]! > tt ? 1 : 0)),
        gold,
      ),
    );
    perFoldAlways.push(
      metrics(
        te.map(() => 1),
        gold,
      ),
    );
  }
  return {
    model: mean(perFold),
    tfidf: mean(perFoldTfidf),
    always: mean(perFoldAlways),
    outOfFold,
    threshold: thresholds.reduce((s, t) => s + t, 0) / k,
  };
}
