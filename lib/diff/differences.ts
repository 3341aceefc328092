import { engineCache } from '../text/bounded-cache';
import { osaDistance } from '../text/edit-distance';
import type { SentenceAnalysis, Span } from '../text/analyse';
import { TITLES, WEEKDAYS } from '../text/names';
import { isNegationWord, SPEECH_VERBS, WISH_WORDS } from '../text/cues';
import { FIGURE_QUALIFIERS, isNumberWord, type NumberKind, type NumberMention } from '../text/numbers';
import { contentTerms, isStopWord, stem, tokenize, type Token } from '../text/tokens';
import type { Difference, DifferenceKind } from '../types';
import {
  MIN_QUOTE_WORDS,
  NUMBER_CONTEXT_WORDS,
  STATUS_SCOPE_SHARE,
  REGION_MIN_WORDS,
  SAME_QUOTE_OVERLAP,
  SHOWN_TYPES,
  SOLE_FIGURE_RATIO,
  HEADLINE_CAPITALS,
  BARE_COUNT_MIN,
  BRACKET_WORDS,
  DIFF_CACHE_LIMIT,
  type DifferenceType,
} from './config';

/**
 * The plain-language label a reader sees for a difference, from its two sides
 * (`a` as this sentence has it, "here"; `b` as the other has it, "there").
 * Outlet names are left out: the card puts them around it. Hedging and
 * negation name the words of the side that carries them, the other side is "".
 */
export function differenceLabel(kind: DifferenceKind, a: string, b: string): string {
  switch (kind) {
    case 'number':
      return `${a} · ${b}`;
    case 'name-spelling':
      return `spelled ${a} here, ${b} there`;
    case 'quote-wording':
      return `quoted differently: “${a}” here, “${b}” there`;
    case 'attribution':
      return `attributed to ${a} here, to ${b} there`;
    case 'hedging':
      return a ? `hedged here (“${a}”), stated as fact there` : `stated as fact here, hedged there (“${b}”)`;
    case 'negation':
      return a ? `negated here (“${a}”), affirmed there` : `affirmed here, negated there (“${b}”)`;
    case 'verification':
      return 'one says it was confirmed; the other says it could not be verified';
  }
}

/** The same difference seen from the other sentence: sides swapped, label rewritten. */
export function reverseDifference(d: Difference): Difference {
  return { kind: d.kind, a: d.b, b: d.a, label: differenceLabel(d.kind, d.b, d.a) };
}

const TYPE_OF_KIND: Record<DifferenceKind, DifferenceType> = {
  number: 'number',
  'name-spelling': 'name_spelling',
  'quote-wording': 'quote_wording',
  attribution: 'attribution',
  hedging: 'hedged_vs_stated',
  verification: 'confirmed_vs_unverified',
  negation: 'negation',
};

/** The public name of a difference's type ("hedged_vs_stated" for `hedging`). */
export const typeOfKind = (kind: DifferenceKind): DifferenceType => TYPE_OF_KIND[kind];

/** The differences a reader is shown for two wordings of one claim: those of the shown types only. */
export function findDifferences(a: SentenceAnalysis, b: SentenceAnalysis): Difference[] {
  return findAllDifferences(a, b).filter((d) => SHOWN_TYPES.includes(TYPE_OF_KIND[d.kind]));
}

/** Differences as a reader sees them: shown types only, each labelled as this version labels it. */
export function forReaders(ds: readonly Difference[]): Difference[] {
  return ds
    .filter((d) => SHOWN_TYPES.includes(TYPE_OF_KIND[d.kind]))
    .map((d) => {
      const label = differenceLabel(d.kind, d.a, d.b);
      return label === d.label ? d : { ...d, label };
    });
}

/** Typed differences between two wordings of the same claim, `a` and `b` as the sentences have them, of every type. */
export function findAllDifferences(a: SentenceAnalysis, b: SentenceAnalysis): Difference[] {
  const out: Difference[] = [];
  const add = (kind: DifferenceKind, x: string, y: string): void => {
    out.push({ kind, a: x, b: y, label: differenceLabel(kind, x, y) });
  };
  for (const [x, y] of numberDifferences(a, b)) add('number', x.text, y.text);
  if (!out.length) for (const [x, y] of vagueDifferences(a, b)) add('number', x.text, y.text);
  const days = weekdayDifference(a, b) ?? relativeYearDifference(a, b);
  if (days) add('number', days[0].text, days[1].text);
  for (const n of nameDifferences(a.names, b.names)) add('name-spelling', n.words[0], n.words[1]);
  for (const [x, y] of quoteDifferences(a.quotes, b.quotes)) add('quote-wording', x, y);
  if (a.speaker && b.speaker && !sameSpeaker(a.speaker, b.speaker) && mainClauseSpeaker(a) && mainClauseSpeaker(b))
    add('attribution', a.speaker, b.speaker);
  // A status one sentence gives to a clause the other does not state ("…, but that is not what is
  // happening") is part of another claim, not a difference in this one.
  if (a.hedged !== b.hedged) {
    const cue = a.hedged ? sharedCue(a, a.cues.hedge, b, 'hedge') : sharedCue(b, b.cues.hedge, a, 'hedge');
    if (cue) add('hedging', a.hedged ? cue : '', a.hedged ? '' : cue);
  }
  // Confirmed on one side, unverified on the other, and one of the two about what the other says.
  if (
    ((a.confirmed && b.unverified) || (a.unverified && b.confirmed)) &&
    (sharedCue(a, a.cues.verification, b, 'verification') || sharedCue(b, b.cues.verification, a, 'verification'))
  ) {
    add('verification', a.cues.verification.join(', '), b.cues.verification.join(', '));
  }
  if (a.negated !== b.negated) {
    const cue = a.negated ? sharedCue(a, a.cues.negation, b, 'negation') : sharedCue(b, b.cues.negation, a, 'negation');
    if (cue) add('negation', a.negated ? cue : '', a.negated ? '' : cue);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Scope of a status cue and of a speaker

/** Where a clause ends: punctuation, quotation marks, a dash, a full stop inside the sentence. */
const isClauseBreak = (text: string, i: number): boolean => {
  const ch = text[i]!;
  if (ch === '’' || ch === "'") return !(/\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + 1] ?? ''));
  if (ch === '.' || ch === '!' || ch === '?') return /\s/.test(text[i + 1] ?? '');
  return ',;:()“”"‘—–'.includes(ch);
};

function clauseStartOf(text: string, at: number): number {
  let from = at;
  while (from > 0 && !isClauseBreak(text, from - 1)) from--;
  return from;
}

/**
 * The status cue of `an` that bears on what `other` says too, if any: the
 * words it bears on (from the cue to the end of its clause) have at least
 * STATUS_SCOPE_SHARE of their content words in `other`. Names do not count (both reports of one story
 * name the same people), a cue set off by commas ("which, apparently, has
 * not happened") bears on the clause after it, and a cue inside a
 * subordinate clause ("because its emissions might contribute") bears on
 * that clause, not on the claim. A negation must also bear on its own
 * predicate: "would not return to work until every crane had been
 * inspected" sets a condition ("only after"), it denies nothing.
 */
function sharedCue(
  an: SentenceAnalysis,
  cues: readonly string[],
  other: SentenceAnalysis,
  scope: 'hedge' | 'negation' | 'verification',
): string | undefined {
  const negation = scope === 'negation';
  const otherTerms = new Set(other.tokens.flatMap((t) => (t.isStop ? [] : termKeys(t))));
  // In a headline written in capitals every word looks like a name: there names cannot be told apart.
  const headline = headlineCase(an);
  const inName = (t: { start: number }): boolean => !headline && an.names.some((n) => n.start <= t.start && t.start < n.end);
  const termsIn = (from: number, to: number, skip: Set<string>): string[] =>
    an.tokens
      .filter(
        (t) =>
          t.start >= from &&
          t.end <= to &&
          !t.isStop &&
          !figureWord(t) &&
          !ASPECT_VERBS.has(t.norm) &&
          !isNegationWord(t.norm) &&
          !inName(t) &&
          !skip.has(t.stem),
      )
      .flatMap(termKeys);
  // A sentence that says only what the one before it is ("However, this remains an unsubstantiated
  // claim", "That could not be confirmed") gives a status to the claim it shares with the other.
  if (!negation && cues.length && statusOnly(an, cues)) return cues[0];
  for (const cue of new Set(cues)) {
    const cueTerms = new Set(contentTerms(cue));
    for (const at of occurrences(an.text, cue)) {
      if (negation && conditional(an.text, at + cue.length)) continue;
      const from = clauseStartOf(an.text, at);
      const before = an.text
        .slice(from, at)
        .toLowerCase()
        .split(/[^\p{L}]+/u);
      if (before.some((w) => SUBORDINATORS.has(w) || WISH_WORDS.has(w))) continue;
      let to = clauseEndOf(an.text, at + cue.length);
      // The words the cue bears on: from it to the end of its clause; for a verification, its whole
      // clause ("Reports that the crane failed a test could not be verified", "officials confirmed that …").
      let terms = termsIn(scope === 'verification' ? from : at, to, cueTerms);
      if (!terms.length && to < an.text.length) terms = termsIn(to + 1, (to = clauseEndOf(an.text, to + 1)), cueTerms);
      // A cue that ends its clause ("Negotiations Reportedly Continue") bears on the clause it ends.
      else if (!terms.length) terms = termsIn(from, to, cueTerms);
      // One word is too little to tell which claim the cue qualifies ("and apparently her own lawyer"):
      // then the whole clause decides. An attributive "alleged" qualifies its noun alone.
      if (terms.length === 1 && !/^alleged$/i.test(cue)) terms = termsIn(from, to, cueTerms);
      if (!terms.length) continue;
      const shared = terms.filter((t) => otherTerms.has(t)).length;
      if (shared >= STATUS_SCOPE_SHARE * terms.length) return cue;
    }
  }
  return undefined;
}

// Verbs of aspect say how long a state lasts, not what it is: "negotiations reportedly continue" and
// "the sequel is in negotiations" state one thing.
const ASPECT_VERBS = new Set(
  'continue continues continued continuing remain remains remained remaining keep keeps kept stay stays stayed'.split(' '),
);

// Words a sentence of status alone may hold besides its cue: an anaphor's verb, a connective, the status.
const STATUS_ONLY_WORDS = new Set(
  'however but yet still also remain remains remained unsubstantiated unconfirmed unverified unproven independently'.split(' '),
);
const ANAPHORS = new Set(['this', 'that', 'it', 'these', 'those']);

/** A sentence that refers back with an anaphor and says nothing but a status of what it refers to. */
function statusOnly(an: SentenceAnalysis, cues: readonly string[]): boolean {
  if (!an.tokens.some((t) => ANAPHORS.has(t.norm))) return false;
  const cueWords = new Set(cues.flatMap((c) => tokenize(c).map((t) => t.norm)));
  return an.tokens.every(
    (t) => t.isStop || ANAPHORS.has(t.norm) || cueWords.has(t.norm) || STATUS_ONLY_WORDS.has(t.norm) || isNegationWord(t.norm),
  );
}

/** Most words capitalised ("Mayor Reportedly Resigns Over Budget Row"): a headline's case. */
function headlineCase(an: SentenceAnalysis): boolean {
  const words = an.tokens.filter((t) => !t.isStop && !t.isNumber && /^\p{L}/u.test(t.raw));
  return words.length >= 3 && words.filter((t) => t.isCapitalized).length >= HEADLINE_CAPITALS * words.length;
}

/**
 * What a token counts as when two wordings are compared: its stem, and for a
 * hyphenated compound the stems of its parts, so "an eight-year offer" and
 * "an offer of eight years" share "eight" and "year".
 */
function termKeys(t: Token): string[] {
  if (!t.norm.includes('-')) return [t.stem];
  return [t.stem, ...t.norm.split('-').flatMap((w) => (w && !isStopWord(w) && !isNumberWord(w) ? [stem(w)] : []))];
}

/** A figure or a word of one ("160", "eight", "million", "around"): what a figure is, not what is said of it. */
const figureWord = (t: Token): boolean => t.isNumber || isNumberWord(t.norm) || FIGURE_QUALIFIERS.has(t.norm);

/** Where `cue` occurs in `text` as whole words. */
function occurrences(text: string, cue: string): number[] {
  const out: number[] = [];
  const letter = /\p{L}/u;
  for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
    const startsWord = letter.test(cue[0] ?? '');
    const endsWord = letter.test(cue[cue.length - 1] ?? '');
    if (startsWord && letter.test(text[at - 1] ?? '')) continue;
    if (endsWord && letter.test(text[at + cue.length] ?? '')) continue;
    out.push(at);
  }
  return out;
}

function clauseEndOf(text: string, from: number): number {
  let to = from;
  while (to < text.length && !isClauseBreak(text, to)) to++;
  return to;
}

/** "not … until", "not … unless": the negation sets a condition on the clause, it does not deny it. */
function conditional(text: string, from: number): boolean {
  const to = clauseEndOf(text, from);
  return /\b(?:until|till|unless|before)\b/i.test(text.slice(from, to));
}

// Openers of a subordinate clause: a speaker named after one is the source of a side remark
// ("…, after a letter from a general suggested such"), not of the sentence's claim.
const SUBORDINATORS = new Set(
  'after as although because before despite if since though unless until when whereas which while who whom whose'.split(' '),
);

/**
 * Whether the sentence's speaker is someone named ("Gen. Milley", "the
 * Pentagon") in its main clause. "The letter" and "the document" are two
 * wordings of one source, not two sources.
 */
function mainClauseSpeaker(an: SentenceAnalysis): boolean {
  const speaker = an.speaker ?? '';
  // Named: the speaker is a name, or a phrase ending in one ("the Boston Herald's Michael Silverman").
  if (!an.names.some((n) => speaker.endsWith(n.text) || n.text.includes(speaker))) return false;
  // Two speakers reported in one sentence ("White told The Post …, where Heller said …"): which one is the
  // source of the shared claim is not for a word count to tell.
  const verbs = an.tokens.filter(
    (t, k) =>
      SPEECH_VERBS.has(t.norm) &&
      !t.isCapitalized &&
      !an.quotes.some((q) => q.start <= t.start && t.end <= q.end) &&
      !['the', 'a', 'an', 'its', 'their', 'his', 'her'].includes(an.tokens[k - 1]?.norm ?? ''),
  );
  if (verbs.length > 1) return false;
  const at = an.text.indexOf(speaker);
  if (at < 0) return true;
  return !an.text
    .slice(clauseStartOf(an.text, at), at)
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => SUBORDINATORS.has(w));
}

// ---------------------------------------------------------------------------
// Numbers

/**
 * Pairs of numbers that give one quantity two values. A value present in both
 * sentences is agreed on; the rest pair up when they are of the same kind,
 * count the same word (or are the only ones of their kind) and stand among
 * the same words: "20,000 people took to the streets of Athens, police said"
 * and "police put the march at 30,000 people" give one crowd two sizes;
 * "three people died" and "a march of 30,000 people" count two crowds.
 */
function numberDifferences(a: SentenceAnalysis, b: SentenceAnalysis): [NumberMention, NumberMention][] {
  const as = a.numbers;
  const bs = b.numbers;
  const restA = as.filter((x) => !bs.some((y) => y.value === x.value && compatibleKind(x, y)) && !measuredAgainst(a, x));
  const restB = bs.filter((y) => !as.some((x) => x.value === y.value && compatibleKind(x, y)) && !measuredAgainst(b, y));
  const pairs: [NumberMention, NumberMention][] = [];
  const used = new Set<NumberMention>();
  for (const x of restA) {
    const sameKind = restB.filter((y) => !used.has(y) && compatibleKind(x, y) && sameQuantity(a, x, b, y));
    const byUnit = sameKind.find((y) => x.unit !== undefined && x.unit === y.unit);
    const onlyOnes =
      sameKind.length === 1 && x.kind === sameKind[0]!.kind && restA.filter((z) => compatibleKind(z, x)).length === 1
        ? sameKind[0]
        : undefined;
    // A count of something against a bare number ("three bank workers", "between 30 and 40") is two quantities.
    const y = byUnit ?? (onlyOnes && (x.kind !== 'count' || x.unit === onlyOnes.unit) ? onlyOnes : undefined);
    if (y) {
      used.add(y);
      pairs.push([x, y]);
    }
  }
  // The one figure each sentence gives of a kind, counting one thing: a sentence pair that states one
  // claim gives it one size ("20,000 people took to the streets" / "police put the march at 30,000 people").
  if (!pairs.length) {
    const sole = soleFigures(a, b);
    if (sole) pairs.push(sole);
  }
  // One value, but below it on one side and at it on the other: "less than the $184 million reported"
  // against "as high as $184 million".
  if (!pairs.length) {
    for (const x of as) {
      const y = bs.find((z) => z.value === x.value && compatibleKind(x, z) && strictlyBelow(a, x) !== strictlyBelow(b, z));
      if (y) {
        // The bound is what differs: it is shown with the figure ("less than $184 million · $184 million").
        pairs.push([withBound(a, x), withBound(b, y)]);
        break;
      }
    }
  }
  return pairs;
}

const STRICTLY_BELOW = /\b(?:(?:less|fewer|lower) than|under|below)\s+(?:the\s+)?$/i;

function withBound(an: SentenceAnalysis, n: NumberMention): NumberMention {
  const bound = STRICTLY_BELOW.exec(an.text.slice(Math.max(0, n.start - 20), n.start));
  return bound ? { ...n, text: `${bound[0].replace(/\s+the\s+$/i, ' ').trim()} ${n.text}` } : n;
}

/** Whether a figure is given as a bound it stays under ("less than $184 million", "fewer than 100"). */
function strictlyBelow(an: SentenceAnalysis, n: NumberMention): boolean {
  return STRICTLY_BELOW.test(an.text.slice(Math.max(0, n.start - 20), n.start));
}

/**
 * A figure told in words against one in digits it cannot be: "tens of
 * thousands" is not 200,000, "several buildings" are not two. The vague
 * figure stands against the other sentence's first count of the same thing
 * (or of nothing named).
 */
function vagueDifferences(a: SentenceAnalysis, b: SentenceAnalysis): [Span, Span][] {
  const out: [Span, Span][] = [];
  for (const [x, y, flip] of [
    [a, b, false],
    [b, a, true],
  ] as const) {
    for (const v of vagueFigures(x)) {
      const n = y.numbers.find(
        (m) =>
          m.kind === 'count' &&
          y.text[m.end] !== '-' &&
          !measuredAgainst(y, m) &&
          // A bare small number is as often an age or a score as a count.
          (m.unit === undefined ? m.value >= BARE_COUNT_MIN : countedAfter(y, m).some((w) => v.things.includes(w))),
      );
      if (!n || (n.value >= v.low && n.value <= v.high)) continue;
      // "three people died" and "tens of thousands of people marched" count two things.
      if (n.value * SOLE_FIGURE_RATIO < v.low || n.value > SOLE_FIGURE_RATIO * v.high) continue;
      out.push(flip ? [n, v] : [v, n]);
      break;
    }
  }
  return out.slice(0, 1);
}

/** Stems of the two content words after a figure ("two government buildings": govern, build). */
function countedAfter(an: SentenceAnalysis, n: NumberMention): string[] {
  return an.tokens
    .filter((t) => t.start >= n.end && !t.isStop)
    .slice(0, 2)
    .map((t) => t.stem);
}

/** Figures in words and the values each may stand for (a judgement of usage, not fitted). */
const VAGUE_FIGURES: [RegExp, number, number][] = [
  [/\bhundreds of thousands\b/gi, 1e5, 999_999],
  [/\btens of thousands\b/gi, 1e4, 99_999],
  [/\b(?<!of )thousands\b/gi, 1e3, 9_999],
  [/\b(?<!of )hundreds\b/gi, 100, 999],
  [/\bdozens\b/gi, 24, 99],
  [/\bseveral\b/gi, 3, 9],
  [/\ba (?:few|handful)\b/gi, 2, 6],
];

/** The vague figures of a sentence, with the stems of the words just after each (what it may count). */
function vagueFigures(an: SentenceAnalysis): (Span & { low: number; high: number; things: string[] })[] {
  const out: (Span & { low: number; high: number; things: string[] })[] = [];
  for (const [re, low, high] of VAGUE_FIGURES) {
    for (const m of an.text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (out.some((o) => o.start <= m.index && m.index < o.end)) continue;
      const things = an.tokens
        .filter((t) => t.start >= end && !t.isStop)
        .slice(0, 3)
        .map((t) => t.stem);
      out.push({ text: m[0], start: m.index, end, low, high, things });
    }
  }
  return out;
}

/**
 * The two figures of one quantity when each sentence gives exactly one
 * figure of a kind and none of their values is shared: of money ("$200
 * million" / "$184 million"), or counts of one thing ("20,000 people" /
 * "30,000 people"), a bare count standing for the same. Figures that qualify
 * a noun ("a 24-hour strike", "an eight-year offer") describe something else.
 */
function soleFigures(a: SentenceAnalysis, b: SentenceAnalysis): [NumberMention, NumberMention] | undefined {
  if (a.numbers.some((x) => b.numbers.some((y) => x.value === y.value && compatibleKind(x, y)))) return undefined;
  // "24-hour", "eight-year": the figure is part of a compound modifier.
  const standing = (an: SentenceAnalysis, kind: NumberKind): NumberMention[] =>
    an.numbers.filter((n) => n.kind === kind && an.text[n.end] !== '-');
  for (const kind of SOLE_KINDS) {
    const xs = standing(a, kind).filter((n) => !measuredAgainst(a, n));
    const ys = standing(b, kind).filter((n) => !measuredAgainst(b, n));
    // Sums of money: the first each sentence gives (a range or a breakdown may follow it).
    if (kind === 'money' ? !xs.length || !ys.length : xs.length !== 1 || ys.length !== 1) continue;
    const [x, y] = [xs[0]!, ys[0]!];
    // Spans of time compare in days ("six weeks" / "39 days"); a bare count stands for a crowd only when large.
    const [vx, vy] = [x.value * (DAYS_IN[x.unit ?? ''] ?? 1), y.value * (DAYS_IN[y.unit ?? ''] ?? 1)];
    const sameThing =
      x.unit === y.unit
        ? x.unit !== undefined
        : (x.unit !== undefined && y.unit !== undefined && x.unit in DAYS_IN && y.unit in DAYS_IN) ||
          (x.unit === undefined && x.value >= BARE_COUNT_MIN) ||
          (y.unit === undefined && y.value >= BARE_COUNT_MIN);
    if (kind === 'count' && (!sameThing || vx === vy)) continue;
    // Two sizes of one thing are of one order ("20,000" / "200,000"), not "three people died" / "30,000 people marched".
    if (Math.max(vx, vy) > SOLE_FIGURE_RATIO * Math.min(vx, vy)) continue;
    if (offset(a, x) !== offset(b, y)) continue;
    return [x, y];
  }
  return undefined;
}
const SOLE_KINDS: readonly NumberKind[] = ['money', 'count'];
/** Days in a unit of time, by stem. */
const DAYS_IN: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

// A figure something is measured against is another quantity: "surpassing the $90 million deal they
// gave to Hunter", "exceeding the $161 million that Sabathia received".
const MEASURED_AGAINST = /\b(?:surpass|exceed|top|beat|eclips|outstrip|dwarf|compar|rival)\w*\s+(?:the\s+|a\s+|an\s+)?\S*$/i;
function measuredAgainst(an: SentenceAnalysis, n: NumberMention): boolean {
  return MEASURED_AGAINST.test(an.text.slice(Math.max(0, n.start - 40), n.start));
}

function compatibleKind(x: NumberMention, y: NumberMention): boolean {
  return x.kind === y.kind || (x.kind === 'count' && y.kind === 'ordinal') || (x.kind === 'ordinal' && y.kind === 'count');
}

/**
 * Two figures of one quantity share a content word near them, besides what
 * they count, and are both offsets from another time or neither: "in about 30
 * days" and "nine days before the inauguration" are two spans of time.
 */
function sameQuantity(a: SentenceAnalysis, x: Span & { unit?: string }, b: SentenceAnalysis, y: Span & { unit?: string }): boolean {
  if (offset(a, x) !== offset(b, y)) return false;
  const near = contextOf(b, y, y.unit);
  return contextOf(a, x, x.unit).some((t) => near.includes(t));
}

/** Stems of the content words within NUMBER_CONTEXT_WORDS words either side of a span, the span and its unit left out. */
function contextOf(an: SentenceAnalysis, span: Span, unit: string | undefined): string[] {
  const at = an.tokens.findIndex((t) => t.end > span.start);
  if (at < 0) return [];
  let after = at;
  while (after < an.tokens.length && an.tokens[after]!.start < span.end) after++;
  return [...an.tokens.slice(Math.max(0, at - NUMBER_CONTEXT_WORDS), at), ...an.tokens.slice(after, after + NUMBER_CONTEXT_WORDS)]
    .filter((t) => !t.isStop && !t.isNumber && t.stem !== unit && !WEEKDAYS.has(t.norm))
    .map((t) => t.stem);
}

// "six weeks before he takes office", "39 days left in office": a span up to or from another time.
const OFFSET_WORDS = new Set(['before', 'after', 'earlier', 'later', 'ago', 'since', 'prior', 'left', 'remaining', 'until']);

/** Whether the figure (with what it counts) is followed by "before", "after", "ago"…. */
function offset(an: SentenceAnalysis, span: Span & { unit?: string }): boolean {
  let k = an.tokens.findIndex((t) => t.start >= span.end);
  if (k < 0) return false;
  if (span.unit !== undefined && an.tokens[k]?.stem === span.unit) k++;
  return OFFSET_WORDS.has(an.tokens[k]?.norm ?? '');
}

/** "Monday" here, "Tuesday" there, for one event: each sentence names one day of the week, a different one. */
function weekdayDifference(a: SentenceAnalysis, b: SentenceAnalysis): [Span, Span] | undefined {
  const days = (an: SentenceAnalysis): Span[] =>
    an.tokens.filter((t) => WEEKDAYS.has(t.norm)).map((t) => ({ text: t.raw, start: t.start, end: t.end }));
  const da = days(a);
  const db = days(b);
  if (da.length !== 1 || db.length !== 1) return undefined;
  const [x, y] = [da[0]!, db[0]!];
  if (x.text.toLowerCase() === y.text.toLowerCase()) return undefined;
  return sameQuantity(a, x, b, y) ? [x, y] : undefined;
}

const RELATIVE_YEAR = /\b(?:this|next|last)\s+year\b/gi;

/** "this year" here, "next year" there, for one event: each sentence names one such year, a different one. */
function relativeYearDifference(a: SentenceAnalysis, b: SentenceAnalysis): [Span, Span] | undefined {
  const years = (an: SentenceAnalysis): Span[] =>
    [...an.text.matchAll(RELATIVE_YEAR)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const ya = years(a);
  const yb = years(b);
  if (ya.length !== 1 || yb.length !== 1) return undefined;
  const [x, y] = [ya[0]!, yb[0]!];
  if (x.text.split(/\s+/)[0]!.toLowerCase() === y.text.split(/\s+/)[0]!.toLowerCase()) return undefined;
  return sameQuantity(a, x, b, y) ? [x, y] : undefined;
}

// ---------------------------------------------------------------------------
// Names

/**
 * Name pairs that are one name spelled two ways ("Seely" / "Sili", "Katrin
 * Aldous" / "Katrine Aldous"): word by word, each word the same or a spelling
 * variant, at least one a variant; a shorter name lines up with the start or
 * the end of the longer ("Papoulias" / "Karolos Papoulias"). Two names that
 * only share a look-alike word ("Los Angeles" / "Las Vegas") are two names.
 */
function nameDifferences(as: Span[], bs: Span[]): { a: string; b: string; words: [string, string] }[] {
  const wordsA = new Set(as.flatMap((n) => nameWords(n.text)).map((w) => w.toLowerCase()));
  const wordsB = new Set(bs.flatMap((n) => nameWords(n.text)).map((w) => w.toLowerCase()));
  const pairs: { a: string; b: string; words: [string, string] }[] = [];
  const seen = new Set<string>();
  for (const na of as) {
    for (const nb of bs) {
      const key = `${na.text}\u0000${nb.text}`;
      if (seen.has(key)) continue;
      // A word the other sentence also writes the first way is not spelled differently there.
      const variant = (wa: string, wb: string): boolean =>
        !wordsB.has(wa.toLowerCase()) && !wordsA.has(wb.toLowerCase()) && spellingVariants(wa, wb);
      const match = spelledTwoWays(nameWords(na.text), nameWords(nb.text), variant);
      if (match) {
        seen.add(key);
        pairs.push({ a: na.text, b: nb.text, words: match });
      }
    }
  }
  return pairs;
}

/** The differing words of two names when they are one name, else undefined. */
function spelledTwoWays(wa: string[], wb: string[], variant: (x: string, y: string) => boolean): [string, string] | undefined {
  if (!wa.length || !wb.length) return undefined;
  const n = Math.min(wa.length, wb.length);
  const tryAt = (offA: number, offB: number): [string, string] | undefined => {
    const da: string[] = [];
    const db: string[] = [];
    for (let k = 0; k < n; k++) {
      const x = wa[offA + k]!;
      const y = wb[offB + k]!;
      if (x.toLowerCase() === y.toLowerCase()) continue;
      if (!variant(x, y)) return undefined;
      da.push(x);
      db.push(y);
    }
    // A name lined up with part of a longer one needs a word written the same way to anchor it
    // ("Angels" is not "Los Angeles").
    if (wa.length !== wb.length && da.length === n) return undefined;
    return da.length ? [da.join(' '), db.join(' ')] : undefined;
  };
  // Same length: word by word. Otherwise the shorter is the longer's first or last words.
  return tryAt(0, 0) ?? (wa.length !== wb.length ? tryAt(wa.length - n, wb.length - n) : undefined);
}

// Names and name words recur across the pairs of a story: their derived forms are kept a while.
const nameWordCache = engineCache<string, string[]>('name words', DIFF_CACHE_LIMIT);
const variantCache = engineCache<string, boolean>('spelling variants', DIFF_CACHE_LIMIT);

/** Words of a name worth comparing: no initials, titles or generational suffixes. */
function nameWords(name: string): string[] {
  return nameWordCache.getOr(name, nameWordsOf);
}

function nameWordsOf(name: string): string[] {
  return name
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.’']s?$/u, ''))
    .filter((w) => w.length > 2 && !TITLES.has(w.toLowerCase()) && !/^(?:Jr|Sr|II|III|IV)$/.test(w));
}

export function spellingVariants(x: string, y: string): boolean {
  return variantCache.getOr(`${x}\u0000${y}`, () => spellingVariantsOf(x, y));
}

function spellingVariantsOf(x: string, y: string): boolean {
  const a = fold(x);
  const b = fold(y);
  if (a === b) return false;
  if (a.length < 3 || b.length < 3) return false;
  // "Iraq" and "Iraqi", "Iran" and "Iranian" are a place and its adjective, not two spellings;
  // "Katrin" and "Katrine", "Sara" and "Sarah", "Ann" and "Anne" are one name.
  if (a.startsWith(b) || b.startsWith(a)) {
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    const extra = long.slice(short.length);
    return short.length >= 4 && extra.length === 1 && (extra === 'e' || extra === 'h' || extra === short[short.length - 1]);
  }
  const ka = skeleton(a);
  const kb = skeleton(b);
  if (ka[0] !== kb[0]) return false;
  if (ka === kb && ka.length >= 2) return true;
  const longest = Math.max(a.length, b.length);
  return longest >= 5 && osaDistance(a, b) <= Math.max(1, Math.floor(longest / 4));
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** First sound and the consonants after it, with look-alike letters merged: "qassem" and "kasem" give "ksm". */
function skeleton(s: string): string {
  const merged = s
    .replace(/ph/g, 'f')
    .replace(/ck|q|c(?=[aou])/g, 'k')
    .replace(/z/g, 's')
    .replace(/w/g, 'v');
  const first = /^[aeiouy]/.test(merged) ? 'a' : (merged[0] ?? '');
  const rest = merged.slice(1).replace(/[aeiouyh]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

// ---------------------------------------------------------------------------
// Attribution

const PRONOUNS = new Set('he she they it we i you this that who officials sources'.split(' '));

/** "Esper", "Mr Esper" and "Mark Esper" are one speaker; "Esper" and "Milley" are two. */
function sameSpeaker(x: string, y: string): boolean {
  const wx = speakerWords(x);
  const wy = speakerWords(y);
  // A pronoun says nothing about who spoke.
  if (wx.length === 0 || wy.length === 0) return true;
  if (wx.every((w) => PRONOUNS.has(w)) || wy.every((w) => PRONOUNS.has(w))) return true;
  const lastX = wx[wx.length - 1] ?? '';
  const lastY = wy[wy.length - 1] ?? '';
  if (lastX === lastY) return true;
  // "@EsperDoD" and "Esper": a handle built on the name.
  if (lastX.length > 3 && lastY.length > 3 && (lastX.startsWith(lastY) || lastY.startsWith(lastX))) return true;
  if (wx.some((w) => wy.includes(w) && w.length > 2)) return true;
  // "THR" and "The Hollywood Reporter": an outlet and its initials.
  if (initialsOf(x) === y.replace(/\W/g, '') || initialsOf(y) === x.replace(/\W/g, '')) return true;
  return spellingVariants(lastX, lastY);
}

function initialsOf(s: string): string {
  return (s.match(/\p{Lu}[\p{L}]*/gu) ?? []).map((w) => w[0]).join('');
}

function speakerWords(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && w !== 'the' && w !== 'a' && w !== 'an' && !TITLES.has(w) && !/^[a-z]$/.test(w));
}

// ---------------------------------------------------------------------------
// Quotations

export interface DiffPart {
  op: 'same' | 'del' | 'ins';
  text: string;
}

interface Word {
  raw: string;
  key: string;
  /** An editor's mark, not the speaker's words: a bracketed insertion ("[Jackman's]", "min[ute]s") or an ellipsis. */
  editorial?: boolean;
}

// Contractions read as their full words, so "that’s not" and "that is not" are one wording.
// "'s" only after words it cannot be a possessive of.
const IS_CONTRACTED = new Set(['that', 'what', 'it', 'there', 'here', 'he', 'she', 'who', 'where', 'how', 'this']);
const CONTRACTIONS: [RegExp, (base: string) => string[]][] = [
  [/^(won|can|shan)'t$/, (b) => [{ won: 'will', can: 'can', shan: 'shall' }[b] ?? b, 'not']],
  [/^(\p{L}+)n't$/u, (b) => [b, 'not']],
  [/^(\p{L}+)'re$/u, (b) => [b, 'are']],
  [/^(\p{L}+)'ve$/u, (b) => [b, 'have']],
  [/^(\p{L}+)'ll$/u, (b) => [b, 'will']],
  [/^(i)'m$/u, (b) => [b, 'am']],
  [/^(\p{L}+)'s$/u, (b) => (IS_CONTRACTED.has(b) ? [b, 'is'] : [`${b}'s`])],
];

function expand(key: string): string[] {
  for (const [re, parts] of CONTRACTIONS) {
    const m = re.exec(key);
    if (m) return parts(m[1]!);
  }
  return [key];
}

// A contraction written with spaces around its apostrophe ("It ’ s", "I ’ m"), as some feeds detokenise it.
const SPACED_CONTRACTION = /(\p{L}) ?(['’]) ?(s|t|re|ve|ll|m|d)\b/gu;
const ELLIPSIS = /\.{3,}|…/gu;

function words(s: string, expandContractions = true): Word[] {
  const raws = s.replace(SPACED_CONTRACTION, '$1$2$3').replace(ELLIPSIS, ' … ').split(/\s+/).filter(Boolean);
  const editorial = raws.map((raw) => raw === '…' || raw.includes('[') || raw.includes(']'));
  raws.forEach((raw, k) => {
    if (raw.lastIndexOf('[') <= raw.lastIndexOf(']')) return;
    const close = raws.findIndex((r, m) => m > k && m <= k + BRACKET_WORDS && r.includes(']'));
    for (let m = k + 1; m < close; m++) editorial[m] = true;
  });
  // The expanded words of one written word share its text; the first carries it for display.
  return raws
    .flatMap((raw, k): Word[] => {
      if (raw === '…') return [{ raw, key: '…', editorial: true }];
      const key = raw
        .toLowerCase()
        .replace(/’/g, "'")
        .replace(/[^\p{L}\p{N}']/gu, '');
      return (expandContractions ? expand(key) : [key]).map((w, n) => ({
        raw: n ? '' : raw,
        key: w,
        ...(editorial[k] ? { editorial: true } : {}),
      }));
    })
    .filter((w) => w.key.length > 0);
}

/** Word-level diff by longest common subsequence, ignoring case and punctuation; runs of one op are merged. */
export function wordDiff(a: string, b: string): DiffPart[] {
  const merged: DiffPart[] = [];
  // Word for word as written: the card shows each wording's own words.
  for (const p of diffWords(words(a, false), words(b, false))) {
    const last = merged[merged.length - 1];
    if (last && last.op === p.op) last.text += ` ${p.word.raw}`;
    else merged.push({ op: p.op, text: p.word.raw });
  }
  return merged;
}

interface WordOp {
  op: 'same' | 'del' | 'ins';
  word: Word;
  /** For `same`: the word as the second text has it. */
  other?: Word;
}

function diffWords(a: Word[], b: Word[]): WordOp[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: common subsequence length of a[i:] and b[j:].
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const below = lcs[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i]?.key === b[j]?.key ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: WordOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const wa = a[i];
    const wb = b[j];
    if (wa && wb && wa.key === wb.key) {
      ops.push({ op: 'same', word: wa, other: wb });
      i++;
      j++;
    } else if (wa && (!wb || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      ops.push({ op: 'del', word: wa });
      i++;
    } else if (wb) {
      ops.push({ op: 'ins', word: wb });
      j++;
    }
  }
  return ops;
}

/**
 * Two quotations that share mostly little words ("there are no plans to
 * leave", "there is no decision whatsoever to leave") are two quotations: the
 * same one shares at least two content words (negations aside), half of the
 * shorter one's.
 */
function sharesContent(a: string, b: string): boolean {
  // A negation word says nothing about which quotation it is.
  const content = (s: string): Set<string> => new Set(tokenize(s).flatMap((t) => (t.isStop || isNegationWord(t.norm) ? [] : [t.stem])));
  const ca = content(a);
  const cb = content(b);
  let common = 0;
  for (const t of ca) if (cb.has(t)) common++;
  return common >= 2 && 2 * common >= Math.min(ca.size, cb.size);
}

/** The same quotation worded differently: the differing region of each, with a little shared context. */
function quoteDifferences(as: Span[], bs: Span[]): [string, string][] {
  const out: [string, string][] = [];
  const usedB = new Set<Span>();
  for (const qa of as) {
    const wa = words(qa.text);
    let best: { q: Span; ops: WordOp[]; overlap: number } | undefined;
    for (const qb of bs) {
      if (usedB.has(qb)) continue;
      const wb = words(qb.text);
      const shorter = Math.min(wa.length, wb.length);
      if (shorter < MIN_QUOTE_WORDS) continue;
      const ops = diffWords(wa, wb);
      const common = ops.filter((o) => o.op === 'same').length;
      const overlap = common / shorter;
      if (
        common >= MIN_QUOTE_WORDS &&
        overlap >= SAME_QUOTE_OVERLAP &&
        sharesContent(qa.text, qb.text) &&
        (!best || overlap > best.overlap)
      ) {
        best = { q: qb, ops, overlap };
      }
    }
    if (!best) continue;
    usedB.add(best.q);
    const region = changedRegion(best.ops);
    if (region) out.push(region);
  }
  return out;
}

/**
 * From the first to the last change, ignoring words that only one side has at
 * either end (a shorter excerpt of the same quotation is not a rewording).
 */
function changedRegion(ops: WordOp[]): [string, string] | undefined {
  let lo = 0;
  let hi = ops.length;
  const firstSame = ops.findIndex((o) => o.op === 'same');
  if (firstSame < 0) return undefined;
  const lead = ops.slice(0, firstSame);
  if (lead.every((o) => o.op === 'del') || lead.every((o) => o.op === 'ins')) lo = firstSame;
  let lastSame = hi - 1;
  while (lastSame >= 0 && ops[lastSame]?.op !== 'same') lastSame--;
  const tail = ops.slice(lastSame + 1);
  if (tail.every((o) => o.op === 'del') || tail.every((o) => o.op === 'ins')) hi = lastSame + 1;

  // A run of changes is the editor's, not the speaker's, when one side of it is only bracketed words
  // ("[Jackman's]" for "his") or it meets an ellipsis (words left out).
  let first = -1;
  let last = -1;
  for (let k = lo; k < hi;) {
    if (ops[k]?.op === 'same') {
      k++;
      continue;
    }
    let end = k;
    while (end < hi && ops[end]?.op !== 'same') end++;
    const run = ops.slice(k, end);
    const dels = run.filter((o) => o.op === 'del').map((o) => o.word);
    const ins = run.filter((o) => o.op === 'ins').map((o) => o.word);
    const near = [ops[k - 1], ops[end]].flatMap((o) => (o ? [o.word, o.other] : []));
    const editorial =
      (dels.length > 0 && dels.every((w) => w.editorial)) ||
      (ins.length > 0 && ins.every((w) => w.editorial)) ||
      [...dels, ...ins, ...near].some((w) => w?.key === '…');
    if (!editorial) {
      if (first < 0) first = k;
      last = end - 1;
    }
    k = end;
  }
  if (first < 0) return undefined;
  let from = first;
  let to = last + 1;
  // A change inside a contraction ("what’s" → "what was") shows the written word it belongs to.
  while (from > lo && !ops[from]!.word.raw) from--;
  const sideLength = (): number => {
    const slice = ops.slice(from, to);
    return Math.min(slice.filter((o) => o.op !== 'ins').length, slice.filter((o) => o.op !== 'del').length);
  };
  // Shared words after the change first, then before it, so the region reads as a phrase.
  while (sideLength() < REGION_MIN_WORDS && to < hi && ops[to]?.op === 'same') to++;
  while (sideLength() < REGION_MIN_WORDS && from > lo && ops[from - 1]?.op === 'same') from--;
  const slice = ops.slice(from, to);
  const side = (skip: 'ins' | 'del'): string =>
    slice
      .filter((o) => o.op !== skip)
      .map((o) => (skip === 'del' && o.other ? o.other.raw : o.word.raw))
      .filter(Boolean)
      .join(' ')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return [side('ins'), side('del')];
}
