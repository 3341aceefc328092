/**
 * Word lists the segmenter and the sentence analyser read. Keys are
 * lower-cased and written without their final dot ("u.s", "lt").
 */

/** Titles and words that always precede a name or a number: a dot after them never ends a sentence inside a paragraph. */
const NEVER_FINAL = (
  'mr mrs ms messrs mme dr prof gen brig lt col maj capt cpt sgt cpl pvt adm cmdr cdr gov sen rep reps sens pres supt ' +
  'insp det rev fr hon amb atty gens lieut sgts vs v cf viz e.g i.e ca approx'
).split(' ');

/** Abbreviations that stand before a number ("No. 5", "Jan. 7", "p. 55"); before anything else they read as words. */
const BEFORE_NUMBER = (
  'no nos nr p pp vol vols fig figs art arts ch chap sec sect para op ed eds n° ' + 'jan feb mar apr jun jul aug sep sept oct nov dec'
).split(' ');

/**
 * Abbreviations that may also end a sentence ("Pitt, Briggs & Co. It closed"):
 * they end one only when a word that usually opens a sentence follows.
 */
const MAY_BE_FINAL = (
  'co corp inc ltd llc plc jr sr st mt ft bros dept univ assn ave blvd rd hwy est etc al a.m p.m am pm ' + 'u.s u.k u.n e.u u.s.a d.c'
).split(' ');

export type AbbreviationKind = 'never-final' | 'before-number' | 'may-be-final';

const KINDS = new Map<string, AbbreviationKind>();
for (const w of NEVER_FINAL) KINDS.set(w, 'never-final');
for (const w of BEFORE_NUMBER) KINDS.set(w, 'before-number');
for (const w of MAY_BE_FINAL) KINDS.set(w, 'may-be-final');

/** How a word written before a dot behaves ("Gen" → never-final); undefined for ordinary words. */
export function abbreviationKind(word: string): AbbreviationKind | undefined {
  const w = word.toLowerCase();
  const known = KINDS.get(w);
  if (known) return known;
  // Dotted acronyms ("U.S", "N.A.T.O") behave like "U.S".
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return 'may-be-final';
  return undefined;
}

/**
 * Words that usually open an English sentence: pronouns, determiners,
 * conjunctions, auxiliaries, question words. After an ambiguous abbreviation
 * ("U.S.") a capitalised word from this list starts a new sentence
 * ("How about you?"), any other ("Government") continues the name.
 */
export const SENTENCE_STARTERS = new Set(
  (
    'i he she it we they you this that these those there here the a an some many most all each every any no none ' +
    'its his her their our my your but and or so yet however meanwhile then also still now later after before when ' +
    'while if as in on at for with by from since although though because despite during instead indeed moreover ' +
    'what who whom whose why how where which is are was were do does did has have had can could will would should ' +
    'may might must shall let mr mrs ms dr not nor one two three several both neither either such according'
  ).split(' '),
);
