import {
  CONFIRMED,
  HEDGE,
  isMonthMay,
  INVERTIBLE_SPEECH_VERBS,
  NEGATED_BEFORE,
  NEGATION,
  NOT_ASSERTING,
  SPEECH_VERBS,
  UNVERIFIED,
} from './cues';
import { extractNumbers, type NumberMention } from './numbers';
import { findNames, TITLES, type Span } from './names';
import { findQuotations } from './segment';
import { tokenize, type Token } from './tokens';
import { SUBJECT_WINDOW } from './config';

export type { NumberMention, NumberKind } from './numbers';

export type { Span } from './names';

/** The words that set the modality flags, as written, for showing on a card. */
export interface ModalityCues {
  hedge: string[];
  negation: string[];
  /** "could not be immediately verified", "confirmed", "authentic". */
  verification: string[];
}

/** What the matcher and the difference finder know about one sentence. */
export interface SentenceAnalysis {
  text: string;
  tokens: Token[];
  /** Stems of content tokens, in order. */
  terms: string[];
  numbers: NumberMention[];
  /** Quoted passages, without their quotation marks. */
  quotes: Span[];
  /** Proper-name sequences ("Mark Milley", "William H. Seely III"), titles ("Gen.", "Mr") left out. */
  names: Span[];
  /** Who the sentence attributes its claim to, when it says ("Esper", "the Pentagon"). */
  speaker?: string;
  /** Hedged ("appeared to", "reportedly", "may"). */
  hedged: boolean;
  /** Says the claim is unverified ("could not be verified", "not confirmed"). */
  unverified: boolean;
  /** Says the claim is confirmed ("has been confirmed", "is authentic"). */
  confirmed: boolean;
  /** Negated main claim ("no decision", "did not", "denied"). */
  negated: boolean;
  cues: ModalityCues;
}

export function analyseSentence(text: string): SentenceAnalysis {
  const tokens = tokenize(text);
  const quoteMarks = findQuotations(text).sort((a, b) => a.open - b.open);
  const quotes = quotesOf(text, quoteMarks);
  // farthestClose[i]: the farthest closing mark of the quotations opened before i, so a token's test is one look-up.
  const farthestClose = new Int32Array(text.length + 1).fill(-1);
  for (const q of quoteMarks) if (q.open + 1 <= text.length) farthestClose[q.open + 1] = Math.max(farthestClose[q.open + 1] ?? -1, q.close);
  for (let i = 1; i <= text.length; i++) farthestClose[i] = Math.max(farthestClose[i] ?? -1, farthestClose[i - 1] ?? -1);
  const inQuote = (t: Token): boolean => (farthestClose[t.start] ?? -1) >= t.end;
  const names = findNames(text, tokens);
  const unverifiedSpans = [...text.matchAll(UNVERIFIED)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const insideUnverified = (i: number): boolean => unverifiedSpans.some((s) => s.start <= i && i < s.end);

  const hedge = [...text.matchAll(HEDGE)].filter((m) => !isMonthMay(text, m.index)).map((m) => m[0]);
  const negation = [...text.matchAll(NEGATION)].filter((m) => !insideUnverified(m.index)).map((m) => m[0]);
  const confirmations = [...text.matchAll(CONFIRMED)]
    .filter((m) => !insideUnverified(m.index) && !NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)))
    .map((m) => m[0]);
  const unverified = unverifiedSpans.length > 0;
  const confirmed = !unverified && confirmations.length > 0;

  return {
    text,
    tokens,
    terms: tokens.filter((t) => !t.isStop).map((t) => t.stem),
    numbers: extractNumbers(text, tokens),
    quotes,
    names,
    speaker: findSpeaker(text, tokens, names, inQuote, quoteMarks),
    hedged: hedge.length > 0,
    unverified,
    confirmed,
    negated: negation.length > 0,
    cues: {
      hedge,
      negation,
      verification: unverified ? unverifiedSpans.map((s) => s.text) : confirmations,
    },
  };
}

// ---------------------------------------------------------------------------
// Quotations

function quotesOf(text: string, marks: { open: number; close: number }[]): Span[] {
  const out: Span[] = [];
  // Marks come in order of opening, so an outer quotation kept earlier starts at or before this one.
  let keptEnd = -1;
  for (const q of marks) {
    // Nested quotations are part of the outer one.
    if (q.close <= keptEnd) continue;
    let start = q.open + 1;
    let end = q.close;
    while (start < end && /\s/u.test(text[start] ?? '')) start++;
    while (end > start && /[\s,;:]/u.test(text[end - 1] ?? '')) end--;
    if (end > start) {
      out.push({ text: text.slice(start, end), start, end });
      keptEnd = Math.max(keptEnd, end);
    }
  }
  // An opening mark left open runs to the end (a quotation continued in the next paragraph).
  const lastOpen = Math.max(text.lastIndexOf('“'), text.lastIndexOf('«'));
  if (lastOpen >= 0 && !marks.some((q) => q.open === lastOpen)) {
    const inner = text.slice(lastOpen + 1).trim();
    if (inner.length > 0) {
      const start = text.indexOf(inner, lastOpen + 1);
      out.push({ text: inner, start, end: start + inner.length });
    }
  }
  // A quotation running on from the previous sentence, or into the next, with its one straight mark:
  // '"Our country has reached the edge of the abyss.' and 'but we will see them in court."'.
  const straight = [...text.matchAll(/"/g)].map((m) => m.index);
  const lone = straight.length % 2 === 1 && !out.some((o) => o.start <= straight[0]! && straight[0]! < o.end) ? straight[0]! : -1;
  if (lone >= 0 && text.slice(0, lone).trim() === '' && straight.length === 1) push(lone + 1, text.length);
  else if (lone >= 0 && straight.length === 1 && text.slice(lone + 1).trim() === '') push(0, lone);
  // A closing curly mark with no opening one before it: the quotation opened in an earlier sentence.
  const close = text.indexOf('”');
  if (close >= 0 && !text.slice(0, close).includes('“') && !out.some((o) => o.start <= close && close <= o.end)) push(0, close);
  return out.sort((a, b) => a.start - b.start);

  function push(from: number, to: number): void {
    let start = from;
    let end = to;
    while (start < end && /[\s"“”]/u.test(text[start] ?? '')) start++;
    while (end > start && /[\s,;:"“”]/u.test(text[end - 1] ?? '')) end--;
    if (end - start > 0) out.push({ text: text.slice(start, end), start, end });
  }
}

// ---------------------------------------------------------------------------
// Attribution

// Verb forms that are also nouns ("denied claims", "according to reports") count only without a determiner.
const NOUN_LIKE = new Set(['claims', 'reports', 'notes', 'posts', 'states', 'remarks', 'reads', 'counters', 'tweets']);
const DETERMINERS = new Set('the a an its their his her these those such our your my'.split(' '));
const AUXILIARIES = new Set(
  'has have had was were is are be been will would could should may might did does do also then later just'.split(' '),
);
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const NP_STOP = /\b(?:from|of|in|on|at|with|who|which|that|signed|sent|to|by|about|over|after|before|during)\b/i;
const CLAUSE_VERB = /\b(?:was|were|is|are|not|which|who|whose|that|has|have|had|been)\b/i;

function findSpeaker(
  text: string,
  tokens: Token[],
  names: Span[],
  inQuote: (t: Token) => boolean,
  quoteMarks: { open: number; close: number }[],
): string | undefined {
  const according = /\baccording to\s+/i.exec(text);
  if (according) {
    const np = phraseAfter(text, according.index + according[0].length, names, true);
    if (np) return np;
  }
  const closes = quoteMarks.map((q) => q.close).sort((a, b) => a - b);
  let closeAt = 0;
  let segStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const v = tokens[i];
    if (!v || v.isCapitalized || !SPEECH_VERBS.has(v.norm) || NOT_ASSERTING.has(v.norm) || inQuote(v)) continue;
    // Tokens come in order: the segment after the last quotation closed before the verb.
    while (closeAt < closes.length && (closes[closeAt] ?? Infinity) < v.start) segStart = Math.max(segStart, (closes[closeAt++] ?? 0) + 1);
    const prevNorm = tokens[i - 1]?.norm ?? '';
    if (NOUN_LIKE.has(v.norm) && DETERMINERS.has(prevNorm)) continue;
    if (PASSIVE.has(prevNorm)) continue; // "is confirmed", "was read": no one is speaking
    const before = text.slice(segStart, v.start);
    const emptyBefore = /^[\s,:—–-]*$/u.test(before);
    if (INVERTIBLE_SPEECH_VERBS.has(v.norm) && (emptyBefore || /,\s*$/u.test(before))) {
      const np = phraseAfter(text, v.end, names);
      if (np) return np;
    }
    if (emptyBefore) continue;
    const subject = subjectBefore(text, Math.max(segStart, v.start - SUBJECT_WINDOW), v.start, names);
    if (subject) return subject;
  }
  return undefined;
}

/** The noun phrase right after a verb or "according to": a name, or a short phrase up to a preposition. */
function phraseAfter(text: string, from: number, names: Span[], anyNoun = false): string | undefined {
  const lead = /^[\s,]*/.exec(text.slice(from))?.[0].length ?? 0;
  const at = from + lead;
  // Only titles may stand between the verb and the name ("said Gen. Milley").
  const name = names.find(
    (n) =>
      n.start >= at &&
      n.start <= at + 40 &&
      text
        .slice(at, n.start)
        .split(/[\s.]+/)
        .every((w) => w === '' || TITLES.has(w.toLowerCase())),
  );
  if (name) {
    // "US Secretary of Defence, Mark Esper": the person after the office.
    const appositive = names.find((n) => n.start > name.end && /^,\s*$/.test(text.slice(name.end, n.start)));
    const office = name.text.split(/\s+/).some((w) => TITLES.has(w.toLowerCase()));
    if (office && appositive) return appositive.text;
    // "Oscar producer Laurence Mark", "Boston WCVB sportscaster Mike Lynch": the person the first name qualifies.
    const person = names.find((n) => n.start > name.end && /^\s+(?:(?!and\b|or\b)\p{Ll}+\s+){1,2}$/u.test(text.slice(name.end, n.start)));
    return withPartners(text, person ?? name, names);
  }
  const clause = /^[^,.;:!?()“”"‘’]+/u.exec(text.slice(at, at + SUBJECT_WINDOW))?.[0] ?? '';
  const words = clause.split(NP_STOP)[0]?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0 || words.length > 6) return undefined;
  const first = words[0]?.toLowerCase() ?? '';
  if (!anyNoun && !DETERMINERS.has(first) && !/^\p{Lu}/u.test(words[0] ?? '')) return undefined;
  return words.join(' ');
}

/** "said Zadan and Meron": the names joined by "and" after the first. */
function withPartners(text: string, name: Span, names: Span[]): string {
  const partner = names.find((n) => n.start > name.end && /^\s+and\s+$/.test(text.slice(name.end, n.start)));
  return partner ? `${name.text} and ${partner.text}` : name.text;
}

/**
 * The subject just before a speech verb: the name it ends with
 * ("Pentagon Joint Chiefs Chairman Mark Milley said"), or else the noun
 * phrase ("the top US military officer told reporters").
 */
function subjectBefore(text: string, from: number, to: number, names: Span[]): string | undefined {
  let seg = text.slice(from, to);
  // Drop a trailing appositive: "Mark Milley, chairman of the Joint Chiefs of Staff, said".
  seg = seg.replace(/,\s*(?:\p{Ll}|the\b)[^,]*,\s*$/u, ' ');
  const clauseStart = Math.max(...[',', ';', ':', '—', '–'].map((c) => seg.lastIndexOf(c))) + 1;
  const clause = seg.slice(clauseStart);
  const words = [...clause.matchAll(/\S+/g)];
  while (words.length > 0) {
    const w = words[words.length - 1]?.[0].toLowerCase() ?? '';
    if (AUXILIARIES.has(w) || /ly$/.test(w)) words.pop();
    else break;
  }
  const last = words[words.length - 1];
  if (!last) return undefined;
  const headAt = from + clauseStart + last.index;
  const name = names.find((n) => n.start <= headAt && headAt < n.end);
  if (name) {
    // "Craig Zadan and Neil Meron said": both.
    const partner = names.find((n) => n.end < name.start && /^\s+and\s+$/.test(text.slice(n.end, name.start)));
    return partner ? `${partner.text} and ${name.text}` : name.text;
  }
  const phrase = words
    .slice(-6)
    .map((w) => w[0])
    .filter((w, k) => k > 0 || !/^(?:and|but|so|then|however|that|while|as)$/i.test(w));
  const np = phrase
    .join(' ')
    .replace(/^[“”"‘’]+|[“”"‘’]+$/gu, '')
    .trim();
  if (!np || CLAUSE_VERB.test(np)) return undefined;
  return np;
}
