import { MONTHS } from './names';
import { tokenize, type Token } from './tokens';

/** What a number counts: dates are kept but told apart, so "2020" is never compared with "5,000 troops". */
export type NumberKind = 'count' | 'percent' | 'money' | 'ordinal' | 'year' | 'day';

export interface NumberMention {
  /** The number as written ("5,000", "five thousand", "2.5 million", "$3bn"). */
  text: string;
  start: number;
  end: number;
  /** Normalised value: "5,000", "5000", "five thousand" and "5k" all give 5000. */
  value: number;
  kind: NumberKind;
  /** Stem of the word it counts ("troop" in "5,000 US troops", "soldier" in "32 of its soldiers"), "%" for percentages. */
  unit?: string;
  /** The number with the word it counts, as written ("5,000 troops"), for display. */
  phrase: string;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SUFFIX_SCALES: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  bn: 1e9,
  b: 1e9,
  tn: 1e12,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  hundred: 100,
};

const DIGITS =
  /([$€£]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(k|mn|m|bn|b|tn|thousand|million|billion|trillion|hundred)\b)?(\s?%|\s(?:percent|per cent)\b)?(st|nd|rd|th)?/giu;
const WORD = /[A-Za-z]+(?:-[A-Za-z]+)*/g;
const ANY_NUMBER_WORD = new RegExp(
  `\\b(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', ...Object.keys(SCALES)].join('|')})\\b`,
  'i',
);

/** Words that qualify a figure rather than state anything ("around $160 million", "roughly 30,000", "at least"). */
export const FIGURE_QUALIFIERS: ReadonlySet<string> = new Set(
  'around roughly nearly almost approximately approximate estimated least fewer less excess'.split(' '),
);

/**
 * Numbers written in digits or words, with a normalised value. Years and
 * days of dates are kept, marked with their kind. A lone "one" is left out:
 * it is far more often a pronoun ("one of them") than a count.
 */
export function extractNumbers(text: string, tokens: Token[] = tokenize(text)): NumberMention[] {
  const found: Omit<NumberMention, 'unit' | 'phrase'>[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1];
    const after = text[end];
    // Parts of identifiers, URLs, versions or times: "52DD", "1026.253.553", "v2", "10:30".
    if (before !== undefined && /[\p{L}\p{N}/@:.#_-]/u.test(before) && !(before === '-' && /\s/u.test(text[start - 2] ?? ' '))) continue;
    if (after !== undefined && /[\p{L}\p{N}@_:]/u.test(after)) continue;
    if (after === '.' && /\d/.test(text[end + 1] ?? '')) continue;
    const digits = (m[2] ?? '').replace(/,/g, '');
    let value = Number(digits);
    const suffix = m[3]?.toLowerCase();
    if (suffix) value *= SUFFIX_SCALES[suffix] ?? 1;
    let kind: NumberKind = 'count';
    if (m[1]) kind = 'money';
    else if (m[4]) kind = 'percent';
    else if (m[5]) kind = 'ordinal';
    const mention: Omit<NumberMention, 'unit' | 'phrase'> = {
      text: m[0].trimEnd(),
      start,
      end: start + m[0].trimEnd().length,
      value: round(value),
      kind,
    };
    if (kind === 'count' || kind === 'ordinal') mention.kind = dateKind(text, mention, suffix !== undefined) ?? kind;
    found.push(mention);
  }
  if (ANY_NUMBER_WORD.test(text)) found.push(...wordNumbers(text));
  found.sort((a, b) => a.start - b.start);
  shareRangeScale(text, found);
  return found.map((n) => withUnit(text, n, tokens));
}

/**
 * The low end of a range written with one scale word takes it: "$140 and $150
 * million", "between 20 and 30 thousand" give 140 million and 20 thousand.
 */
function shareRangeScale(text: string, found: Omit<NumberMention, 'unit' | 'phrase'>[]): void {
  for (let k = 0; k + 1 < found.length; k++) {
    const low = found[k]!;
    const high = found[k + 1]!;
    if (low.kind !== high.kind || (low.kind !== 'money' && low.kind !== 'count')) continue;
    if (!/^\s*(?:and|to|or|-|–)\s*$/.test(text.slice(low.end, high.start))) continue;
    if (!/^[$€£]?\s?[\d.,]+$/.test(low.text)) continue;
    const scale = /\s?(thousand|million|billion|trillion|k|mn|m|bn|b|tn)$/i.exec(high.text)?.[1]?.toLowerCase();
    const factor = scale ? SUFFIX_SCALES[scale] : undefined;
    if (!factor || low.value * factor > high.value) continue;
    low.value = round(low.value * factor);
  }
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

function dateKind(text: string, n: { text: string; start: number; end: number; value: number }, scaled: boolean): NumberKind | undefined {
  if (scaled || !/^\d+(?:st|nd|rd|th)?$/.test(n.text)) return undefined;
  const prevWord = /([A-Za-z]+)\.?\s*$/.exec(text.slice(Math.max(0, n.start - 12), n.start))?.[1]?.toLowerCase();
  const nextWord = /^\s*([A-Za-z]+)/.exec(text.slice(n.end, n.end + 12))?.[1]?.toLowerCase();
  const isDay = n.value >= 1 && n.value <= 31;
  if (isDay && ((prevWord && MONTHS.has(prevWord)) || (nextWord && MONTHS.has(nextWord)))) return 'day';
  if (/^\d{4}$/.test(n.text) && n.value >= 1800 && n.value <= 2100) {
    // "2000 troops" counts troops; "in 2020", "January 6, 2020" and "2020's" name a year.
    const following = /^\s+([a-z][a-z'-]*)/.exec(text.slice(n.end, n.end + 30))?.[1];
    if (!following || STOP_AFTER_YEAR.has(following)) return 'year';
  }
  return undefined;
}

const STOP_AFTER_YEAR = new Set(
  'the a an and or but in on at by for to of from with as when after before that which was were is are has had have will would said says'.split(
    ' ',
  ),
);

function wordNumbers(text: string): Omit<NumberMention, 'unit' | 'phrase'>[] {
  const out: Omit<NumberMention, 'unit' | 'phrase'>[] = [];
  const words = [...text.matchAll(WORD)];
  let i = 0;
  while (i < words.length) {
    const first = words[i];
    if (!first || !isNumberWord(first[0])) {
      i++;
      continue;
    }
    let j = i;
    let last = i;
    // Extend over number words, allowing "and" between them ("one hundred and five").
    while (j + 1 < words.length) {
      const next = words[j + 1];
      const cur = words[j];
      if (!next || !cur) break;
      const gap = text.slice(cur.index + cur[0].length, next.index);
      if (!/^[ ]+$/.test(gap)) break;
      if (isNumberWord(next[0])) {
        j++;
        last = j;
      } else if (next[0].toLowerCase() === 'and' && words[j + 2] && isNumberWord(words[j + 2]?.[0] ?? '')) {
        j++;
      } else break;
    }
    const parts = words
      .slice(i, last + 1)
      .flatMap((w) => w[0].toLowerCase().split('-'))
      .filter((p) => p !== 'and');
    const prev = words[i - 1]?.[0].toLowerCase();
    const value = wordsValue(parts, prev === 'a');
    const startWord = words[i];
    const endWord = words[last];
    i = last + 1;
    if (value === undefined || !startWord || !endWord) continue;
    if (parts.length === 1 && parts[0] === 'one') continue;
    const start = startWord.index;
    const end = endWord.index + endWord[0].length;
    const pct = /^\s(?:percent|per cent)\b/.exec(text.slice(end));
    out.push({
      text: text.slice(start, pct ? end + pct[0].length : end),
      start,
      end: pct ? end + pct[0].length : end,
      value,
      kind: pct ? 'percent' : 'count',
    });
  }
  return out;
}

/** A word that writes a number ("eight", "forty-two", "million"). */
export function isNumberWord(word: string): boolean {
  const parts = word.toLowerCase().split('-');
  return parts.every((p) => p in UNITS || p in TENS || p === 'hundred' || p in SCALES);
}

function wordsValue(parts: string[], afterArticle: boolean): number | undefined {
  let total = 0;
  let current = 0;
  let any = false;
  for (const p of parts) {
    const unit = UNITS[p] ?? TENS[p];
    if (unit !== undefined) {
      current += unit;
      any = true;
    } else if (p === 'hundred') {
      current = (current || (afterArticle && !any ? 1 : 0)) * 100;
      any = current > 0;
    } else {
      const scale = SCALES[p];
      if (scale === undefined) return undefined;
      const base = current || (afterArticle && !any ? 1 : 0);
      if (!base) return undefined;
      total += base * scale;
      current = 0;
      any = true;
    }
  }
  return any ? total + current : undefined;
}

/**
 * The counted word: the first lower-case content word after the number, within
 * a few words ("32 of its soldiers", "5,000 US troops"); a capitalised one only
 * when no lower-case word comes.
 */
function withUnit(text: string, n: Omit<NumberMention, 'unit' | 'phrase'>, tokens: Token[]): NumberMention {
  if (n.kind === 'percent') return { ...n, unit: '%', phrase: n.text };
  if (n.kind === 'year' || n.kind === 'day') return { ...n, phrase: n.text };
  let seen = 0;
  let fallback: Token | undefined;
  for (const t of tokens) {
    if (t.start < n.end) continue;
    if (/[.;:!?,()“”"—–]|--/.test(text.slice(n.end, t.start))) break;
    if (t.isNumber || isNumberWord(t.raw) || ++seen > 4) break;
    if (t.isStop) continue;
    if (!t.isCapitalized) return { ...n, unit: t.stem, phrase: text.slice(n.start, t.end) };
    fallback ??= t;
  }
  if (fallback) return { ...n, unit: fallback.stem, phrase: text.slice(n.start, fallback.end) };
  return { ...n, phrase: n.text };
}
