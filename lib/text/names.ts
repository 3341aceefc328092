/**
 * Proper names in running text: runs of capitalised words ("Mark Milley",
 * "William H. Seely III", "Los Angeles"), titles and ranks left out, a
 * capitalised common word that opens a sentence or a line left out. The one
 * name finder: the sentence analyser (lib/text/analyse.ts) and the story
 * grouping (lib/story/stories.ts) both read it.
 */
import { SENTENCE_STARTERS } from './abbreviations';
import { TEXT_LIMITS } from './config';
import { SPEECH_VERBS } from './cues';
import { tokenize, type Token } from './tokens';

/** A stretch of a text: its words and where they stand. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Words that name an office or rank rather than the person holding it. */
export const TITLES = new Set(
  (
    'mr mrs ms miss mx dr gen general brig brigadier lt lieutenant col colonel maj major capt captain sgt sergeant ' +
    'cpl corporal pvt private adm admiral cmdr commander gov governor sen senator rep representative pres president ' +
    'vice secretary chairman chairwoman chair minister prime chancellor ambassador judge justice prof professor rev ' +
    'reverend sir dame lord lady king queen prince princess sheikh ayatollah pope mayor premier director chief envoy ' +
    'spokesman spokeswoman spokesperson officer deputy commanding'
  ).split(' '),
);
const CONNECTORS = new Set('of de del della da di du la le van von der den al el bin ibn bint y'.split(' '));
/** Month names and their abbreviations, lower-case. */
export const MONTHS: ReadonlySet<string> = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
/** Weekday names, lower-case. */
export const WEEKDAYS: ReadonlySet<string> = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
/** Month and weekday names, lower-case. */
export const CALENDAR: ReadonlySet<string> = new Set([...MONTHS, ...WEEKDAYS]);
const SUFFIXES = /^(?:Jr|Sr|II|III|IV|V)$/;

/** The names of `text`, in order (`tokens`: its tokens, when the caller has them). */
export function findNames(text: string, tokens: Token[] = tokenize(text)): Span[] {
  // Words that open the text, a line, the sentence, a quotation or a sentence inside a quotation.
  const opensClause = (t: Token): boolean => {
    let k = t.start - 1;
    while (k >= 0 && /\s/u.test(text[k] ?? '')) {
      if (text[k] === '\n') return true;
      k--;
    }
    return k < 0 || '.!?…:;“"‘\'(—–'.includes(text[k] ?? '');
  };
  const runs: number[][] = [];
  let run: number[] = [];
  const flush = (): void => {
    while (run.length > 0 && !isNamePart(tokens[run[run.length - 1] ?? -1])) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const prev = tokens[i - 1];
    const joined = run.length > 0 && prev !== undefined && joins(text, prev, t);
    if (!joined) flush();
    if (isNamePart(t)) {
      run.push(i);
      if (possessive(t)) flush();
    } else if (joined && t.raw === t.norm && CONNECTORS.has(t.norm) && isNamePart(tokens[i + 1])) {
      run.push(i);
    } else flush();
  }
  flush();

  const out: Span[] = [];
  for (let r of runs) {
    // A capitalised common word opening the sentence ("Tensions have…") is not a name.
    const head = tokens[r[0] ?? -1];
    if (head && opensClause(head)) {
      const first = tokens[r[0] ?? -1];
      const after = tokens[(r[r.length - 1] ?? -1) + 1];
      const single = r.length === 1;
      if (first && (SENTENCE_STARTERS.has(first.norm) || (single && !(after && SPEECH_VERBS.has(after.norm))))) r = r.slice(1);
    }
    r = stripTitles(r, tokens);
    const firstTok = tokens[r[0] ?? -1];
    const lastTok = tokens[r[r.length - 1] ?? -1];
    if (!firstTok || !lastTok) continue;
    let end = possessive(lastTok) ? lastTok.end - 2 : lastTok.end;
    // Keep the dot of an initial or a dotted abbreviation ("H.", "Jr.", "U.S.").
    if (text[end] === '.' && (/^\p{Lu}$/u.test(lastTok.raw) || SUFFIXES.test(lastTok.raw) || lastTok.raw.includes('.'))) end++;
    out.push({ text: text.slice(firstTok.start, end), start: firstTok.start, end });
  }
  return out;
}

function isNamePart(t: Token | undefined): boolean {
  if (!t || !t.isCapitalized || t.isNumber) return false;
  // An over-long token is no name, and names are compared letter by letter (spelling variants).
  if (t.raw.length > TEXT_LIMITS.maxTokenChars) return false;
  if (CALENDAR.has(t.norm)) return false;
  // Capitalised function words ("The", "In") are not names; all-capital ones ("US", "IS") may be.
  return !t.isStop || (t.raw.length > 1 && t.raw === t.raw.toUpperCase() && t.norm !== 'i' && t.norm !== 'a');
}

function possessive(t: Token): boolean {
  return /['’]s$/u.test(t.raw);
}

/** Two tokens of one name are separated by spaces only, or by the dot of an initial or a title ("H. Seely", "Gen. Milley"). */
function joins(text: string, prev: Token, t: Token): boolean {
  const gap = text.slice(prev.end, t.start);
  if (/^[ \u00a0]+$/u.test(gap)) return true;
  return /^\.[ \u00a0]+$/u.test(gap) && (/^\p{Lu}$/u.test(prev.raw) || TITLES.has(prev.norm) || prev.raw.includes('.'));
}

/** "US Army General Mark Milley" → "Mark Milley"; an office ("Secretary of Defence") stays whole. */
function stripTitles(run: number[], tokens: Token[]): number[] {
  let from = 0;
  for (let k = 0; k < run.length - 1; k++) {
    const t = tokens[run[k] ?? -1];
    const next = tokens[run[k + 1] ?? -1];
    if (t && next && TITLES.has(t.norm) && !CONNECTORS.has(next.norm) && !TITLES.has(next.norm)) from = k + 1;
  }
  let to = run.length;
  while (to > from && TITLES.has(tokens[run[to - 1] ?? -1]?.norm ?? '')) to--;
  return run.slice(from, to);
}
