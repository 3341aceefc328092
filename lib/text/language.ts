/**
 * A small language guesser: the share of a text's words that are the common
 * function words of each language, for English and six neighbours that share
 * its alphabet; other scripts are told by their letters. Enough to keep
 * articles that are not in English out of the corpus, with a reason.
 */

import { FULL_COVERAGE, FULL_LENGTH_WORDS, FULL_VARIETY, MIN_CONFIDENCE, MIN_WORDS } from './config';

export type ProfiledLanguage = 'en' | 'fr' | 'de' | 'es' | 'it' | 'pt' | 'nl';

export interface LanguageGuess {
  /** BCP 47: a language ("fr"), a script only ("und-Cyrl"), or "und" when unsure. */
  lang: string;
  /** 0–1; 0 with "und". */
  confidence: number;
}

// The most frequent function words of each language, as written in news prose.
// Elided forms keep their apostrophe ("l'", "qu'"): they are split off below.
const FUNCTION_WORDS: Record<ProfiledLanguage, string> = {
  en:
    'the of and to a in is that for it was on with as he be by at are this his from have but not they had or an ' +
    'which were you she her been has their we would there its will who more when also said can after about if them ' +
    'than could into other what some out these those only over did should our up no so while because being most',
  fr:
    'le la les de des du un une et est en que qui dans pour pas sur au aux il elle ils elles sont par plus avec ce ' +
    'cette ces ont été son sa ses mais ou nous vous leur leurs être fait comme tout aussi entre depuis sans lors ' +
    "selon dont où très a l' d' qu' c' n' s' j' ne se y",
  de:
    'der die das und ist nicht ein eine einer einen eines dem den des zu mit sich auf für von im auch es sie er ' +
    'wir ich werden wird wurde wurden hat haben sind war bei aus nach als noch wie über nur oder aber vor zum zur ' +
    'durch um dass daß kann man diese dieser bereits sowie am seine ihre',
  es:
    'el la los las de del y en que un una es por con para no se su sus al lo como más pero fue ha han sido este ' +
    'esta estos estas también entre sin sobre ya muy hasta desde son puede cuando donde dijo tras durante según ' +
    'le les hay está',
  it:
    'il lo la gli le i di del della dei delle degli e è in che un una uno per con non si da dal dalla alla al nel ' +
    'nella sono stato stata anche come più ma ha hanno tra fra questo questa su sul sulla dopo ancora essere ' +
    "secondo l' dell' all' nell' dall' sull' un' c' ci",
  pt:
    'o a os as de do da dos das e em no na nos nas um uma que é para com não se por mais ao à foi como mas seu ' +
    'sua seus suas são também ser está pelo pela entre sobre já ou quando muito após até isso ele ela disse foram',
  nl:
    'de het een en van is dat op te in voor met zijn niet aan er om ook als bij door maar worden wordt werd naar ' +
    'uit nog dan tot over zo kan hij ze wel geen deze dit was hun onder heeft hebben al meer die',
};

export const PROFILED_LANGUAGES = Object.keys(FUNCTION_WORDS) as ProfiledLanguage[];

// A word found in k languages' lists counts 1/k for each: "de" says little, "het" a lot.
const WEIGHTS: Map<string, Map<ProfiledLanguage, number>> = (() => {
  const owners = new Map<string, ProfiledLanguage[]>();
  for (const lang of PROFILED_LANGUAGES) {
    for (const word of new Set(FUNCTION_WORDS[lang].split(/\s+/))) {
      owners.set(word, [...(owners.get(word) ?? []), lang]);
    }
  }
  const weights = new Map<string, Map<ProfiledLanguage, number>>();
  for (const [word, langs] of owners) weights.set(word, new Map(langs.map((l) => [l, 1 / langs.length])));
  return weights;
})();

// Letters ("ça", "über") with elided articles split off ("l'homme" → "l'", "homme").
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const ELISION = /^(l|d|qu|c|n|s|j|dell|all|nell|dall|sull|un)'(?=\p{L})/u;

function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    let word = m[0].replace(/’/g, "'");
    const elided = ELISION.exec(word);
    if (elided) {
      out.push(`${elided[1]}'`);
      word = word.slice(elided[0].length);
    }
    out.push(...word.split("'").filter(Boolean));
  }
  return out;
}

export interface LanguageProfile {
  words: number;
  /** How many different function words of each language the text uses. */
  distinct: Record<ProfiledLanguage, number>;
  /** Weighted share of the words that are each language's function words. */
  scores: Record<ProfiledLanguage, number>;
}

export function languageProfile(text: string): LanguageProfile {
  const list = words(text);
  const zeros = () => Object.fromEntries(PROFILED_LANGUAGES.map((l) => [l, 0])) as Record<ProfiledLanguage, number>;
  const scores = zeros();
  const distinct = zeros();
  const counted = new Set<string>();
  for (const word of list) {
    const weights = WEIGHTS.get(word);
    if (!weights) continue;
    const first = !counted.has(word);
    counted.add(word);
    for (const [lang, weight] of weights) {
      scores[lang] += weight;
      if (first) distinct[lang]++;
    }
  }
  if (list.length > 0) for (const lang of PROFILED_LANGUAGES) scores[lang] /= list.length;
  return { words: list.length, distinct, scores };
}

// Scripts that name their language outright, and those shared by many.
const SCRIPTS: { pattern: RegExp; lang: string }[] = [
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, lang: 'ja' },
  { pattern: /\p{Script=Hangul}/gu, lang: 'ko' },
  { pattern: /\p{Script=Han}/gu, lang: 'zh' },
  { pattern: /\p{Script=Greek}/gu, lang: 'el' },
  { pattern: /\p{Script=Hebrew}/gu, lang: 'he' },
  { pattern: /\p{Script=Thai}/gu, lang: 'th' },
  { pattern: /\p{Script=Cyrillic}/gu, lang: 'und-Cyrl' },
  { pattern: /\p{Script=Arabic}/gu, lang: 'und-Arab' },
  { pattern: /\p{Script=Devanagari}/gu, lang: 'und-Deva' },
];

function countMatches(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}

/** The script a text is mostly written in, when it is not the Latin alphabet. */
function nonLatinScript(text: string): LanguageGuess | undefined {
  const letters = countMatches(text, /\p{L}/gu);
  if (letters === 0) return undefined;
  const latin = countMatches(text, /\p{Script=Latin}/gu);
  if (latin / letters >= 0.5) return undefined;
  for (const { pattern, lang } of SCRIPTS) {
    const share = countMatches(text, pattern) / letters;
    // Japanese mixes kana with Han characters; any real share of kana decides it.
    if (lang === 'ja' ? share >= 0.1 : share >= 0.5) {
      return { lang, confidence: Math.round((lang === 'ja' ? 1 - latin / letters : share) * 100) / 100 };
    }
  }
  return { lang: 'und', confidence: 0 };
}

export function detectLanguage(text: string): LanguageGuess {
  const script = nonLatinScript(text);
  if (script) return script;
  const { words: count, scores, distinct } = languageProfile(text);
  if (count < MIN_WORDS) return { lang: 'und', confidence: 0 };
  const ranked = PROFILED_LANGUAGES.map((lang) => ({ lang, score: scores[lang] })).sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  if (!first || first.score === 0) return { lang: 'und', confidence: 0 };
  const margin = (first.score - (second?.score ?? 0)) / first.score;
  const coverage = Math.min(1, first.score / FULL_COVERAGE);
  const length = Math.min(1, count / FULL_LENGTH_WORDS);
  const variety = Math.min(1, distinct[first.lang] / FULL_VARIETY);
  const confidence = Math.round(margin * coverage * length * variety * 100) / 100;
  return confidence < MIN_CONFIDENCE ? { lang: 'und', confidence: 0 } : { lang: first.lang, confidence };
}

const NAMES: Record<string, string> = {
  en: 'English',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
};

/** "French" for "fr" / "fr-CA"; undefined for "und" and tags no one can name. */
export function languageName(tag: string): string | undefined {
  const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  if (!primary || primary === 'und') return undefined;
  if (NAMES[primary]) return NAMES[primary];
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(primary);
    return name && name.toLowerCase() !== primary ? name : undefined;
  } catch {
    return undefined;
  }
}
