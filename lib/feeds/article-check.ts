import type { ArticleInput } from '../types';
import { detectLanguage, languageName, languageProfile } from '../text/language';
import { isHttpUrl } from './urls';
import { MIN_ARTICLE_WORDS, MIN_ENGLISH_SHARE, OTHER_LANGUAGE_CONFIDENCE, SAMPLE_CHARS } from './config';

export type ArticleCheck = { ok: true } | { ok: false; reason: string };

const WHY = 'Parallax compares English articles';

const SCRIPT_NAMES: Record<string, string> = { Cyrl: 'Cyrillic', Arab: 'Arabic', Deva: 'Devanagari' };

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function notEnglish(name: string | undefined): { ok: false; reason: string } {
  return {
    ok: false,
    reason: name ? `the article is in ${name}; ${WHY}` : `the article does not appear to be in English; ${WHY}`,
  };
}

/** Why a text is not English when its script or its words say so plainly, else undefined. */
function plainlyNotEnglish(guess: { lang: string; confidence: number }): string | undefined {
  if (guess.lang.startsWith('und-')) {
    const script = SCRIPT_NAMES[guess.lang.slice(4)] ?? 'another';
    return `the article is not in English (it is written in the ${script} script); ${WHY}`;
  }
  if (guess.lang !== 'en' && guess.lang !== 'und' && guess.confidence >= OTHER_LANGUAGE_CONFIDENCE) {
    return notEnglish(languageName(guess.lang)).reason;
  }
  return undefined;
}

/**
 * Why a page's text is no English article, when its script or words say so
 * plainly: the reason a page refused as "not an article" is given instead
 * when the article test failed for want of English sentences to count.
 */
export function pageLanguageRefusal(title: string, text: string): string | undefined {
  return plainlyNotEnglish(detectLanguage(`${title}\n\n${text.slice(0, SAMPLE_CHARS)}`));
}

/** Whether an article fetched from a feed is fit for the corpus, and if not, why in plain words. */
export function checkArticle(article: ArticleInput): ArticleCheck {
  if (!article.url?.trim()) return { ok: false, reason: 'the article has no address' };
  if (!isHttpUrl(article.url.trim())) return { ok: false, reason: 'the article’s address is not a web address' };
  if (!article.title?.trim()) return { ok: false, reason: 'the article has no title' };
  if (!article.outlet?.trim()) return { ok: false, reason: 'the article has no outlet name' };
  const words = countWords(article.text ?? '');
  if (words < MIN_ARTICLE_WORDS) {
    return { ok: false, reason: `the article is too short to compare (${words} words; at least ${MIN_ARTICLE_WORDS})` };
  }

  const sample = `${article.title}\n\n${article.text.slice(0, SAMPLE_CHARS)}`;
  const guess = detectLanguage(sample);
  // The text outweighs the page's declared language: sites label pages carelessly.
  if (guess.lang === 'en') return { ok: true };
  const plain = plainlyNotEnglish(guess);
  if (plain !== undefined) return { ok: false, reason: plain };
  const declared = article.lang?.trim();
  if (declared && !/^en\b/i.test(declared)) return notEnglish(languageName(declared));
  if (languageProfile(sample).scores.en < MIN_ENGLISH_SHARE) return notEnglish(languageName(guess.lang));
  return { ok: true };
}
