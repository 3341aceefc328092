/**
 * The cue words of a claim's status, in one place: negation, hedging,
 * verification (confirmed or unverified) and attribution (verbs of saying).
 * The sentence analyser (lib/text/analyse.ts), the segmenter, the pair and
 * claim features (lib/match) and the difference finder (lib/diff) all read
 * these lists; none keeps its own copy.
 */

// ---------------------------------------------------------------------------
// Negation

/** Words that negate the clause they stand in ("not", "never", "no one", "cannot"). */
const NEGATORS = ['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot'];

/** Verbs and nouns of denial: "denied that X" says X is not so. */
export const DENIAL_WORDS: ReadonlySet<string> = new Set(['deny', 'denies', 'denied', 'denying', 'denial']);

/**
 * Verbs of rejecting what someone else said ("rejected the claims",
 * "dismissed reports"): after one, a "claim" is the other party's, not a hedge
 * of this sentence.
 */
export const REJECTION_WORDS: ReadonlySet<string> = new Set([
  ...DENIAL_WORDS,
  'reject',
  'rejects',
  'rejected',
  'dismiss',
  'dismisses',
  'dismissed',
]);

/**
 * Negation words as the tokeniser writes them (lower case, straight
 * apostrophe): the negators, "without", the words of denial. Every "…n't"
 * form counts too (`isNegationWord`).
 */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([...NEGATORS, 'without', "n't", ...DENIAL_WORDS]);

/** A token's `norm` is a negation word ("not", "didn't", "denied", "without"). */
export const isNegationWord = (norm: string): boolean => NEGATION_WORDS.has(norm) || norm.endsWith("n't");

/**
 * Negation of a sentence as written. "without" is left out here: it negates
 * a circumstance ("left without comment"), not the claim. "No. 5" and "not
 * only" negate nothing.
 */
export const NEGATION = new RegExp(
  String.raw`\b(?:no(?!\.?\s*\d)|not(?! only)|${NEGATORS.filter((w) => w !== 'no' && w !== 'not').join('|')}|den(?:y|ies|ied|ying|ial))\b|n['’]t\b`,
  'gi',
);

/** A negation shortly before a word ("not yet confirmed", "could never be verified"). */
export const NEGATED_BEFORE = /\b(?:not|no|never|n['’]t|cannot|unable to|yet to|without)\b(?:\s+\S+){0,3}\s*$/i;

// ---------------------------------------------------------------------------
// Hedging

const REJECTING = [...REJECTION_WORDS].filter((w) => w !== 'denial').join('|');

/**
 * Words that present a claim as uncertain: adverbs ("reportedly",
 * "allegedly"), modal verbs ("may", "might", "could"), "appears to", "is
 * believed to", "according to unconfirmed reports", "it was unclear whether", "if
 * it's true", a headline's "Report:", a "claim" made by
 * someone; in any case, so a headline's "Reportedly" counts (see
 * `isMonthMay`). "could" of ability is no hedge: "he could no longer walk", "could
 * barely see", "could hear shots".
 */
export const HEDGE = new RegExp(
  String.raw`\b(?:reportedly|allegedly|apparently|purportedly|supposedly|presumably|possibly|probably|perhaps|likely|seemingly|appear(?:s|ed)? to|seem(?:s|ed)?|may|might|could(?!\s+(?:not|no|never|hardly|barely|scarcely|only|still|even|see|hear|feel|smell|walk|speak)\b|n['’]t)|suggest(?:s|ed|ing)?|alleged|alleges|unlikely|(?<!\b(?:the|a|an|these|those|such|his|her|their|its|our|${REJECTING})\s)claim(?:s|ed|ing)?(?! that)|(?:is|are|was|were) (?:believed|thought|understood|said|reported|expected) to|according to (?:unconfirmed |news |media )?reports|I think|unclear (?:if|whether)|if (?:it['’]s|it is|that is|this is) true|(?<=^)reports?(?=:)|(?<!\b(?:${REJECTING})\s)(?:an? |the )?(?:unsubstantiated |unconfirmed )?claims? that)\b`,
  'gi',
);

/**
 * "May" written with a capital is the month after a word that introduces a
 * date ("in May", "the 5th of May", "last May") or before a figure ("May 5",
 * "May 2013"); otherwise, as in a headline's "Release Date May Be in
 * Jeopardy", the modal verb.
 */
export function isMonthMay(text: string, at: number): boolean {
  if (text.slice(at, at + 3) !== 'May') return false;
  if (/^\s*\d/.test(text.slice(at + 3))) return true;
  return /\b(?:in|on|of|since|until|till|by|from|through|to|before|after|during|last|next|early|late|mid|this|each|every)\s+$/i.test(
    text.slice(Math.max(0, at - 12), at),
  );
}

/** Hopes and wishes: what follows one is no statement to hedge ("hoping his client could attract a deal"). */
export const WISH_WORDS: ReadonlySet<string> = new Set([
  'hope',
  'hopes',
  'hoped',
  'hoping',
  'want',
  'wants',
  'wanted',
  'wish',
  'wishes',
  'wished',
]);

// ---------------------------------------------------------------------------
// Verification

/** Says a claim is unverified: "could not be independently verified", "unconfirmed", "no confirmation". */
export const UNVERIFIED =
  /\b(?:un(?:verified|confirmed|substantiated)|(?:(?:could|can|would|has|have|had|was|were|is|are)\s+)?(?:not|never|cannot|can['’]t|couldn['’]t|unable to|yet to|without)\s+(?:\w+\s+){0,3}?(?:independently\s+|immediately\s+)?(?:verif|confirm|authenticat|corroborat)\w*|no (?:independent )?(?:verification|confirmation))/gi;

/** Says a claim is confirmed ("confirmed", "verified", "authentic"), unless a negation comes just before (NEGATED_BEFORE). */
export const CONFIRMED = /\b(?:confirm(?:s|ed)?|verified|authentic(?:ated)?|genuine)\b/gi;

// ---------------------------------------------------------------------------
// Attribution

/** Verbs of saying that introduce or close a quotation ("said", "told", "insisted"). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  (
    'said says say saying told tells tell asked asks ask added adds insisted insists argued argues emphasized ' +
    'emphasised emphasizes emphasises stressed stresses explained explains noted notes stated states declared ' +
    'declares claimed claims wrote writes replied replies responded responds warned warns acknowledged ' +
    'acknowledges admitted admits announced announces concluded concludes reported reports ' +
    'read reads tweeted tweets posted posts suggested suggests maintained maintains conceded concedes confirmed ' +
    'confirms denied denies recalled recalls remarked remarks observed observes countered counters urged urges'
  ).split(' '),
);

/** Verbs of saying after which the speaker may follow: "…,” said Gen. Milley", "…, reported the BBC". Not "told" (it takes an object). */
export const INVERTIBLE_SPEECH_VERBS: ReadonlySet<string> = new Set(
  'said says reported reports read reads added adds insisted insists wrote writes explained explains noted notes stated states argued argues continued'.split(
    ' ',
  ),
);

/** Asking or urging someone to do something states no claim: "the Academy has asked her to do it twice". */
export const NOT_ASSERTING: ReadonlySet<string> = new Set(['ask', 'asks', 'asked', 'urge', 'urges', 'urged']);
