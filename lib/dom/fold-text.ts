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
export interface FoldedText {
  text: string;
  /** `source[i]` is the offset in the original of folded character `i`. */
  source: number[];
}

const DROPPED = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/;
const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '`']);
const DOUBLE_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);

export function foldText(raw: string): FoldedText {
  let text = '';
  const source: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    if (DROPPED.test(ch)) continue;
    const folded = foldChar(ch);
    text += folded;
    for (let k = 0; k < folded.length; k++) source.push(i);
  }
  return { text, source };
}

function foldChar(ch: string): string {
  if (SINGLE_QUOTES.has(ch)) return "'";
  if (DOUBLE_QUOTES.has(ch)) return '"';
  if (DASHES.has(ch)) return '-';
  if (ch === '\u2026') return '...';
  return ch.toLowerCase();
}
