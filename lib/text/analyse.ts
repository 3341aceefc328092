import { tokenize, type Token } from './tokens';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface NumberMention extends Span {
  /** Normalised value: "5,000", "5000" and "five thousand" all give 5000. */
  value: number;
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
  /** Proper-name sequences ("Mark Milley", "William H. Seely III"). */
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
}

// Interim analysis with tokens and terms only; the full analysis of numbers,
// quotations, names, attribution and modality replaces it.
export function analyseSentence(text: string): SentenceAnalysis {
  const tokens = tokenize(text);
  return {
    text,
    tokens,
    terms: tokens.filter((t) => !t.isStop).map((t) => t.stem),
    numbers: [],
    quotes: [],
    names: [],
    hedged: false,
    unverified: false,
    confirmed: false,
    negated: false,
  };
}
