import { engineCache } from './bounded-cache';
import stemWord from 'wink-porter2-stemmer';
import { QUOTATION_WORD_CACHE_LIMIT, STEM_CACHE_LIMIT, TEXT_LIMITS } from './config';

/** A word of a sentence, with its place in the sentence. */
export interface Token {
  /** As written. */
  raw: string;
  /** Lower-cased, curly apostrophes made straight, possessive 's removed. */
  norm: string;
  /** Porter2 stem of `norm`; for a token over `TEXT_LIMITS.maxTokenChars`, `norm` cut to that length, unstemmed. */
  stem: string;
  start: number;
  end: number;
  isStop: boolean;
  /** Starts with an upper-case letter. */
  isCapitalized: boolean;
  isNumber: boolean;
}

// Function words that carry no claim of their own. Kept short on purpose:
// negations and modal hedges are evidence, so they are not stop words here.
const STOP_WORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into onto about as is are was were be been being ' +
    "am do does did has have had having it its it's this that these those there here he she they them his her their " +
    'hers theirs we us our you your i me my mine which who whom whose what when where while also than too very just ' +
    'up out over under again further once s t can will would shall should may might must could said says say told ' +
    'mr mrs ms dr one upon per via yet both each other such own same some any all most more'
  ).split(' '),
);

// A number with thousands separators or decimals, or a word that may hold
// inner apostrophes, hyphens or dots ("don't", "well-known", "U.S").
const WORD = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?%?|[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*/gu;

export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}

export function normalizeWord(raw: string): string {
  return raw.toLowerCase().replace(/’/g, "'").replace(/'s$/, '').replace(/\.$/, '');
}

/** Stems of words seen. */
const stemCache = engineCache<string, string>('stems', STEM_CACHE_LIMIT);

export function stem(norm: string): string {
  // The stemmer is quadratic in a word's length; an over-long token is kept as a bounded key instead.
  if (norm.length > TEXT_LIMITS.maxTokenChars) return norm.slice(0, TEXT_LIMITS.maxTokenChars);
  // Numbers lose their separators; dotted abbreviations ("u.s") stay whole.
  return stemCache.getOr(norm, (w) => (/\d/.test(w) ? w.replace(/,/g, '') : w.includes('.') ? w.replace(/\./g, '') : stemWord(w)));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const norm = normalizeWord(raw);
    if (!norm) continue;
    tokens.push({
      raw,
      norm,
      stem: stem(norm),
      start,
      end: start + raw.length,
      isStop: isStopWord(norm),
      isCapitalized: /^\p{Lu}/u.test(raw),
      isNumber: /^\d/.test(norm),
    });
  }
  return tokens;
}

/** Stems of the content words of a text, in order, repeats kept. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!t.isStop) out.push(t.stem);
  return out;
}

/** Unique stems of a title, for the `titleTerms` index. */
export function titleTermsOf(title: string): string[] {
  return [...new Set(contentTerms(title))];
}

const QUOTATION_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
// Quotations recur across the pairs of a story (and each pair asks twice): their word lists are kept a while.
const quotationWordCache = engineCache<string, string[]>('quotation words', QUOTATION_WORD_CACHE_LIMIT);

/** The words of a quotation as compared word for word: lower-cased, contractions kept whole with a straight apostrophe. */
export function quotationWords(text: string): string[] {
  return quotationWordCache.getOr(text, (t) => (t.toLowerCase().match(QUOTATION_WORD) ?? []).map((w) => w.replace(/’/g, "'")));
}
