/** L2-regularised logistic regression fitted by Newton's method, on standardised features. */

export interface LogisticModel {
  mean: number[];
  scale: number[];
  /** Weights on standardised features. */
  weights: number[];
  bias: number;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function predict(m: LogisticModel, x: ArrayLike<number>): number {
  let z = m.bias;
  for (let k = 0; k < m.weights.length; k++) z += m.weights[k]! * ((x[k]! - m.mean[k]!) / m.scale[k]!);
  return sigmoid(z);
}

/** Solves A x = b for a small dense symmetric positive definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

export function fitLogistic(xs: ArrayLike<number>[], ys: number[], l2 = 1): LogisticModel {
  const d = xs[0]?.length ?? 0;
  const n = xs.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of xs) for (let k = 0; k < d; k++) mean[k]! += x[k]! / n;
  for (const x of xs) for (let k = 0; k < d; k++) scale[k]! += (x[k]! - mean[k]!) ** 2 / n;
  for (let k = 0; k < d; k++) scale[k] = Math.sqrt(scale[k]!) || 1;
  const z = xs.map((x) => [1, ...Array.from({ length: d }, (_, k) => (x[k]! - mean[k]!) / scale[k]!)]);
  let w = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < 30; iter++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      let s = 0;
      for (let k = 0; k <= d; k++) s += w[k]! * zi[k]!;
      const p = sigmoid(s);
      const r = p - ys[i]!;
      const h = p * (1 - p);
      for (let k = 0; k <= d; k++) {
        grad[k]! += r * zi[k]!;
        const row = hess[k]!;
        const hk = h * zi[k]!;
        for (let l = k; l <= d; l++) row[l]! += hk * zi[l]!;
      }
    }
    for (let k = 0; k <= d; k++) for (let l = 0; l < k; l++) hess[k]![l] = hess[l]![k]!;
    for (let k = 1; k <= d; k++) {
      grad[k]! += l2 * w[k]!;
      hess[k]![k]! += l2;
    }
    const step = solve(hess, grad);
    w = w.map((v, k) => v - step[k]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { mean, scale, weights: w.slice(1), bias: w[0]! };
}

/**
 * The TypeScript source of a fitted model's module: header comment lines,
 * then `export const NAME: LinearModelParams = {…}` with 6 significant digits.
 */
export function linearModelSource(header: string[], name: string, features: readonly string[], m: LogisticModel): string[] {
  const round = (x: number): number => Number(x.toPrecision(6));
  return [
    ...header.map((h) => `// ${h}`),
    "import type { LinearModelParams } from './features';",
    '',
    `export const ${name}: LinearModelParams = {`,
    `  features: ${JSON.stringify(features)},`,
    `  mean: ${JSON.stringify(m.mean.map(round))},`,
    `  scale: ${JSON.stringify(m.scale.map(round))},`,
    `  weights: ${JSON.stringify(m.weights.map(round))},`,
    `  bias: ${round(m.bias)},`,
    '};',
    '',
  ];
}
