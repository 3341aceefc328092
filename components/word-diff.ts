/**
 * Word-level difference of two short wordings, for showing which words
 * changed. A small longest-common-subsequence table: the inputs are the
 * differing parts of two sentences, a few dozen words at most.
 */
export interface DiffPart {
  op: 'same' | 'del' | 'ins';
  text: string;
}

export function wordDiff(a: string, b: string): DiffPart[] {
  const x = a.split(/\s+/).filter(Boolean);
  const y = b.split(/\s+/).filter(Boolean);
  const key = (w: string): string => w.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  // lcs[i][j] = length of the common subsequence of x[i..] and y[j..].
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      const below = lcs[i + 1] as number[];
      row[j] = key(x[i] as string) === key(y[j] as string) ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const wx = x[i];
    const wy = y[j];
    if (wx !== undefined && wy !== undefined && key(wx) === key(wy)) {
      out.push({ op: 'same', text: wx });
      i++;
      j++;
    } else if (wy === undefined || (wx !== undefined && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      out.push({ op: 'del', text: wx as string });
      i++;
    } else {
      out.push({ op: 'ins', text: wy });
      j++;
    }
  }
  return out;
}
