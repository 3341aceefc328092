import type { SentenceSpan } from '../types';
import { abbreviationKind, SENTENCE_STARTERS } from './abbreviations';
import { SPEECH_VERBS } from './cues';
import { LIST_MARKER_SPAN, TEXT_LIMITS, TIME_PHRASE_SPAN } from './config';

/** A quotation or a bracket pair inside one paragraph: indexes of its opening and closing characters. */
export interface Enclosure {
  open: number;
  close: number;
}

const TERMINATORS = '.!?…';
// Characters that may close a sentence after its final punctuation ('." ', '.) ').
const CLOSERS = '"”’\')]»';
const OPENERS = '"“‘\'([«';
const LINE = /[^\n\r\u2028\u2029]+/g;
const LIST_MARKER = /(^|\s)([•⁃▪‣◦]\s?)?(\d{1,3}|[a-z])(\.\)|\)|\.)(?=\s)/g;

/**
 * Splits text into sentences with exact offsets: `text.slice(start, end) === text`
 * of each span, trimmed of surrounding whitespace. Every line break ends a
 * sentence (paragraphs, headlines and captions stand alone). A sentence
 * longer than `TEXT_LIMITS.maxSentenceChars` is cut at spaces into pieces no
 * longer than that, so every later step works on bounded pieces.
 */
export function segmentSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const m of text.matchAll(LINE)) {
    const line = m[0];
    const cuts = [...findBoundaries(line), line.length];
    let from = 0;
    for (const cut of cuts) {
      pushTrimmed(spans, text, m.index + from, m.index + cut);
      from = cut;
    }
  }
  return spans;
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  const max = TEXT_LIMITS.maxSentenceChars;
  while (end - start > max) {
    const piece = pieceEnd(text, start, start + max);
    pushTrimmed(spans, text, start, piece);
    start = piece;
    while (start < end && /\s/u.test(text[start] ?? '')) start++;
  }
  if (end > start) spans.push({ index: spans.length, start, end, text: text.slice(start, end) });
}

/** Where a piece of an over-long sentence starting at `start` ends, at most at `limit`: after its last space, else at `limit`. */
function pieceEnd(text: string, start: number, limit: number): number {
  for (let i = limit; i > start + 1; i--) if (/\s/u.test(text[i - 1] ?? '')) return i;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** Offsets inside one line where a new sentence starts, ascending. */
function findBoundaries(line: string): number[] {
  const enclosures = findEnclosures(line);
  const listCuts = listBoundaries(line);
  const cuts: number[] = [...listCuts];
  // Terminators come in order, so the start of the current sentence and the
  // enclosures open around a terminator are kept by sweeps, not searches.
  let listAt = 0;
  let lastCut = 0;
  const sentenceStart = (i: number): number => {
    while (listAt < listCuts.length && (listCuts[listAt] ?? Infinity) <= i) lastCut = Math.max(lastCut, listCuts[listAt++] ?? 0);
    return lastCut;
  };
  const byOpen = [...enclosures].sort((a, b) => a.open - b.open);
  let openAt = 0;
  let farthestClose = -1;
  const enclosedBeyond = (start: number, k: number): boolean => {
    while (openAt < byOpen.length && (byOpen[openAt]?.open ?? Infinity) < start)
      farthestClose = Math.max(farthestClose, byOpen[openAt++]?.close ?? -1);
    return farthestClose >= k;
  };
  const quoteCloses = new Set(enclosures.filter((e) => isQuoteChar(line[e.close])).map((e) => e.close));

  let i = 0;
  while (i < line.length) {
    if (!TERMINATORS.includes(line[i] ?? '')) {
      i++;
      continue;
    }
    const start = i;
    let j = i;
    // A cluster: "?!", "....", and spaced ellipses ". . ." count as one mark.
    while (j < line.length) {
      const c = line[j] ?? '';
      if (TERMINATORS.includes(c)) j++;
      else if (c === ' ' && line[j + 1] === '.') j++;
      else break;
    }
    while (j > start && line[j - 1] === ' ') j--;
    let k = j;
    while (k < line.length && CLOSERS.includes(line[k] ?? '')) k++;
    i = j;

    if (k >= line.length) continue;
    if (!/\s/u.test(line[k] ?? '')) continue;
    if (enclosedBeyond(start, k)) continue;

    const cut = decide(line, start, j, k, sentenceStart(start), quoteCloses);
    if (cut !== undefined) {
      cuts.push(cut);
      lastCut = Math.max(lastCut, cut);
    }
  }
  return [...new Set(cuts)].filter((c) => c > 0 && c < line.length).sort((a, b) => a - b);
}

/** Where to cut for the terminator cluster line[start, end) followed by closers up to k, or undefined. */
function decide(line: string, start: number, end: number, k: number, sentStart: number, quoteCloses: Set<number>): number | undefined {
  const next = nextWord(line, k);
  if (next.kind === 'none' || next.kind === 'lower') return undefined;
  let closesQuote = false;
  for (let c = end; c < k && !closesQuote; c++) closesQuote = quoteCloses.has(c);
  // '"What now?" Esper asked.' — the attribution belongs to the quotation.
  if (closesQuote && attributionFollows(line, k)) return undefined;
  // '"… stairways" (Smith 55).': a parenthesis right after a quotation is its citation.
  if (closesQuote && next.opener === '(') return undefined;

  const cluster = line.slice(start, end);
  if (/[!?]/.test(cluster)) return k;

  const dots = (cluster.match(/\./g) ?? []).length + 3 * (cluster.match(/…/g) ?? []).length;
  if (dots >= 3) {
    if (dots === 3) return k > end ? k : undefined; // an omission mid-sentence, unless a quotation closes on it
    // "compounds. . . . The": the word's own dot ends the sentence, the ellipsis opens the next.
    const attached = start > 0 && !/\s/u.test(line[start - 1] ?? '') && line[start + 1] === ' ';
    return attached ? start + 1 : k;
  }

  const word = wordBefore(line, start);
  // The sentence so far, read only when short: a sentence with many dots must not be re-read at each.
  const fragment = (): string => line.slice(sentStart, start).trim();
  if (start - sentStart <= LIST_MARKER_SPAN && /^(?:[•⁃▪‣◦]\s?)?(?:\d{1,3}|\p{L})$/u.test(fragment())) return undefined; // a list marker "2." or "a."

  const kind = abbreviationKind(word);
  if (kind === 'never-final') return undefined;
  if (kind === 'before-number' && next.kind === 'digit') return undefined;
  if (kind === 'may-be-final' || /^\p{Lu}$/u.test(word)) {
    if (!SENTENCE_STARTERS.has(next.word.toLowerCase())) return undefined;
    // "At 5 a.m. Mr. Smith went": a bare time phrase opens the sentence rather than ending one.
    if (/^[ap]\.?m$/i.test(word) && start - sentStart <= TIME_PHRASE_SPAN && fragment().split(/\s+/).length <= 3) return undefined;
  }
  return k;
}

interface NextWord {
  kind: 'none' | 'lower' | 'upper' | 'digit' | 'other';
  word: string;
  /** The opening quotation mark or bracket before the word, if any. */
  opener?: string;
}

function nextWord(line: string, k: number): NextWord {
  let m = k;
  while (m < line.length && /\s/u.test(line[m] ?? '')) m++;
  if (m >= line.length) return { kind: 'none', word: '' };
  let p = m;
  while (p < line.length && OPENERS.includes(line[p] ?? '')) p++;
  const w = /^[\p{L}\p{N}][\p{L}\p{N}'’]*/u.exec(line.slice(p))?.[0] ?? '';
  const first = w[0] ?? line[m] ?? '';
  const opener = p > m ? line[m] : undefined;
  if (/\p{Ll}/u.test(first)) return { kind: 'lower', word: w, opener };
  if (/\p{Lu}/u.test(first)) return { kind: 'upper', word: w, opener };
  if (/\p{N}/u.test(first)) return { kind: 'digit', word: w, opener };
  return { kind: 'other', word: w, opener };
}

/** The word just before a dot, without leading punctuation ("U.S", "Mr", "a.m"). */
function wordBefore(line: string, i: number): string {
  let s = i;
  while (s > 0 && !/[\s([“"‘'«]/u.test(line[s - 1] ?? '')) s--;
  return line.slice(s, i);
}

function attributionFollows(line: string, k: number): boolean {
  // The first six words up to the next terminator, read word by word rather than splitting the rest of the line.
  const word = /[\p{L}]+|[.!?…]/gu;
  word.lastIndex = k;
  for (let n = 0; n < 6; n++) {
    const m = word.exec(line);
    if (!m || TERMINATORS.includes(m[0])) return false;
    if (SPEECH_VERBS.has(m[0].toLowerCase())) return true;
  }
  return false;
}

function isQuoteChar(c: string | undefined): boolean {
  return c !== undefined && '"”’\'»'.includes(c);
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrStart = (c: string | undefined): boolean => c === undefined || /[\s([{“"‘«—–-]/u.test(c);

/**
 * Quotations in a sentence or paragraph: straight and curly double quotes,
 * single curly quotes used as quotation marks (not apostrophes), straight
 * single quotes and guillemets. Indexes are those of the marks themselves.
 */
export function findQuotations(text: string): Enclosure[] {
  return findEnclosures(text).filter((e) => !'([{'.includes(text[e.open] ?? ''));
}

/** Quotations and brackets that open and close inside the line. */
function findEnclosures(line: string): Enclosure[] {
  const out: Enclosure[] = [];
  const brackets: { ch: string; at: number }[] = [];
  let curlyDouble = -1;
  let straightDouble = -1;
  let curlySingle = -1;
  let straightSingle = -1;
  let guillemet = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const before = line[i - 1];
    const after = line[i + 1];
    switch (c) {
      case '“':
        curlyDouble = i;
        break;
      case '”':
        if (curlyDouble >= 0) out.push({ open: curlyDouble, close: i });
        curlyDouble = -1;
        break;
      case '«':
        guillemet = i;
        break;
      case '»':
        if (guillemet >= 0) out.push({ open: guillemet, close: i });
        guillemet = -1;
        break;
      case '"':
        if (straightDouble < 0) {
          if (after !== undefined && !/\s/u.test(after)) straightDouble = i;
        } else {
          out.push({ open: straightDouble, close: i });
          straightDouble = -1;
        }
        break;
      case '‘':
        curlySingle = i;
        break;
      case '’':
        // An apostrophe ("That’s") has a letter after it; a closing quotation mark does not.
        if (curlySingle >= 0 && !isWordChar(after)) {
          out.push({ open: curlySingle, close: i });
          curlySingle = -1;
        }
        break;
      case "'":
        if (straightSingle < 0) {
          if (isSpaceOrStart(before) && isWordChar(after)) straightSingle = i;
        } else if (!isWordChar(after) && before !== undefined && !/\s/u.test(before)) {
          out.push({ open: straightSingle, close: i });
          straightSingle = -1;
        }
        break;
      case '(':
      case '[':
        brackets.push({ ch: c, at: i });
        break;
      case ')':
      case ']': {
        const want = c === ')' ? '(' : '[';
        const top = brackets[brackets.length - 1];
        if (top && top.ch === want) {
          brackets.pop();
          out.push({ open: top.at, close: i });
        }
        break;
      }
    }
  }
  return out;
}

/**
 * Starts of the items of an inline numbered or lettered list that begins the
 * line ("1.) The first item 2.) The second item", "a. … b. …").
 */
function listBoundaries(line: string): number[] {
  const markers: { at: number; value: number; numeric: boolean; style: string }[] = [];
  for (const m of line.matchAll(LIST_MARKER)) {
    const label = m[3] ?? '';
    const numeric = /\d/.test(label);
    markers.push({
      at: m.index + (m[1] ?? '').length,
      value: numeric ? Number(label) : label.charCodeAt(0),
      numeric,
      style: m[4] ?? '',
    });
  }
  const first = markers[0];
  if (!first || line.slice(0, first.at).trim() !== '') return [];
  const cuts: number[] = [];
  let prev = first;
  for (const mk of markers.slice(1)) {
    if (mk.numeric === prev.numeric && mk.style === prev.style && mk.value === prev.value + 1) {
      cuts.push(mk.at);
      prev = mk;
    }
  }
  return cuts;
}
