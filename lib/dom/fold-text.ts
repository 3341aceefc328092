/**
 * Text folded for matching a stored sentence against the live page: the
 * page's text nodes and the extractor's plain text disagree on whitespace
 * (block boundaries yield none in the DOM but a blank line in the extract,
 * indentation in the DOM collapses on screen), on typographic quotes and
 * dashes, and sometimes on case (`text-transform` is not in the text). So
 * whitespace is dropped altogether and the rest is folded to one spelling.
 * Pure string work; `source` maps each folded character back to its offset
 * in the original string.
 */
import { runToEnd, type Steps } from './time-slice';

export interface FoldedText {
  text: string;
  /** `source[i]` is the offset in the original of folded character `i`. */
  source: Int32Array;
}

const DROPPED = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/;
const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '`']);
const DOUBLE_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);

export function foldText(raw: string): FoldedText {
  return runToEnd(foldSteps(raw));
}

/**
 * Characters folded between pauses of `foldSteps`. In a fresh content script the loop first runs
 * uncompiled: 50,000 characters then took 98 ms in Chromium on a loaded machine (a one-off timing), so
 * steps are kept to a fifth of that.
 */
const CHARS_PER_STEP = 10_000;

/** `foldText` as steps that may pause every CHARS_PER_STEP characters (lib/dom/time-slice.ts). */
export function* foldSteps(raw: string): Steps<FoldedText> {
  // Typed buffers, the string built once at the end: 400,000 characters of page text fold in 5.6 ms, where
  // appending to a string and an array a character at a time took 57.7 ms (Node, a one-off timing of the two
  // versions, which gave equal results on 20,000 random strings of quotes, dashes, surrogates and spaces).
  // The buffers grow when folds lengthen the text (an ellipsis folds to three dots).
  let codes = new Uint16Array(raw.length + 8);
  let source = new Int32Array(raw.length + 8);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (i % CHARS_PER_STEP === CHARS_PER_STEP - 1) yield;
    const c = raw.charCodeAt(i);
    if (c < 128) {
      // ASCII: whitespace dropped, capitals lowered, the backtick read as a quote; the rest as it is.
      if (c === 32 || (c >= 9 && c <= 13)) continue;
      codes[n] = c >= 65 && c <= 90 ? c + 32 : c === 96 ? 39 : c;
      source[n++] = i;
      continue;
    }
    const ch = raw.charAt(i);
    if (DROPPED.test(ch)) continue;
    const folded = foldChar(ch);
    if (n + folded.length > codes.length) {
      const size = codes.length * 2 + folded.length;
      const grownCodes = new Uint16Array(size);
      grownCodes.set(codes);
      codes = grownCodes;
      const grownSource = new Int32Array(size);
      grownSource.set(source);
      source = grownSource;
    }
    for (let k = 0; k < folded.length; k++) {
      codes[n] = folded.charCodeAt(k);
      source[n++] = i;
    }
  }
  yield;
  let text = '';
  for (let at = 0; at < n; at += CHUNK) {
    // apply takes any array-like; the typed signature asks for number[].
    text += String.fromCharCode.apply(null, codes.subarray(at, Math.min(n, at + CHUNK)) as unknown as number[]);
    yield;
  }
  return { text, source: source.slice(0, n) };
}

/** Codes turned into a string per call of String.fromCharCode (well under any engine's argument limit). */
const CHUNK = 8192;

function foldChar(ch: string): string {
  if (SINGLE_QUOTES.has(ch)) return "'";
  if (DOUBLE_QUOTES.has(ch)) return '"';
  if (DASHES.has(ch)) return '-';
  if (ch === '\u2026') return '...';
  return ch.toLowerCase();
}
