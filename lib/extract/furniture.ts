/**
 * Page furniture: the parts of a news page around the report itself
 * (captions, share bars, "READ:" links, newsletter boxes, comment notices,
 * language pickers, tag lists, embedded posts, advertising labels). General
 * rules on elements, roles, class names and the shape of short blocks; no
 * rule names an outlet.
 */

/** Elements that never carry the report's prose. */
const FURNITURE_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'form',
  'button',
  'select',
  'nav',
  'footer',
  'aside',
  'figcaption',
  'blockquote.twitter-tweet',
  'blockquote.instagram-media',
  'blockquote.tiktok-embed',
  '[role="complementary"]',
  '[role="navigation"]',
  '[role="contentinfo"]',
  '[role="banner"]',
  '[role="dialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',');

/** Class or id words that mark furniture containers (matched as whole words of the attribute). */
const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:captions?|credits?|share|sharing|sharebar|social|newsletter|signup|subscribe|subscription|related|readmore|read-more|more-stories|comments?|comment-notice|discussion|tags?|taglist|topics|keywords|advert|adverts|advertisement|ads?|ad-slot|promo|sponsored|sponsor|language-picker|lang-picker|languages|translations|breadcrumbs?|toolbar|sidebar|outbrain|taboola|recommended|most-read|mostread|paywall|cookie|consent|embed-tweet|tweet)(?:$|[\s_-])/i;

/** Remove furniture elements from a (cloned) document before Readability scores it. */
export function removeFurniture(doc: Document): void {
  const body = doc.body;
  if (body === null) return;
  for (const el of Array.from(body.querySelectorAll(FURNITURE_SELECTOR))) el.remove();
  for (const fig of Array.from(body.querySelectorAll('figure'))) {
    // A figure holds a picture and its caption; rarely, sites wrap body text in one.
    if (fig.querySelectorAll('p').length < 3) fig.remove();
  }
  const bodyLength = textLength(body);
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (!el.isConnected) continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FURNITURE_CLASS.test(words)) continue;
    // Never drop the container of the article itself because of an unlucky class word.
    if (el.querySelector('h1, article') !== null || /^(article|main|body|html)$/i.test(el.tagName)) continue;
    if (textLength(el) > bodyLength * 0.5) continue;
    el.remove();
  }
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').length;
}

const SHARE_WORDS = new Set(
  'share this article story on via facebook twitter x whatsapp telegram email e-mail linkedin reddit print copy link links tweet pinterest messenger save'.split(
    ' ',
  ),
);

const FURNITURE_TEXT: RegExp[] = [
  // Advertising labels.
  /^(advertisement|advertising|sponsored( content)?|promoted|ad|paid content)$/i,
  // "READ: …", "Read more: …", "Related: …" teasers.
  /^(read|read more|read also|also read|more|related|related stories|related articles?|see also|watch|listen|recommended|most read|don['’]t miss|must read|more on this story|you may also like)\s*[:：|»>–—-]/i,
  // Picture credits and captions.
  /^(photo|photos|picture|image|photograph|video|credit|illustration|graphic|file photo)\s*(:|by\b|credit\b)/i,
  // Comment notices.
  /^(show|hide|view|load|post|leave|add|read|join)( all| the| a)?( \d+)? comments?\b/i,
  /\bnot accepting comments\b/i,
  /^comments? (are|is) (closed|disabled|now closed)/i,
  /^\d+ comments?$/i,
  // Agency credit lines: "(Reporting by …; Editing by …)".
  /^\((additional )?(reporting|writing|editing|compiled|graphics) by\b/i,
  // Embedded posts that were flattened to text.
  /pic\.twitter\.com\//i,
  /^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}$/,
];

export type BlockKind = 'p' | 'h' | 'li' | 'blockquote';

/** Whether a block of extracted text is furniture rather than report. */
export function isFurnitureBlock(text: string, kind: BlockKind, linkTextLength: number): boolean {
  const t = text.trim();
  if (t.length === 0) return true;
  if (FURNITURE_TEXT.some((re) => re.test(t))) return true;
  const words = t.split(/\s+/);
  if (words.every((w) => SHARE_WORDS.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')) || /^[|·•\/]$/.test(w))) {
    return true;
  }
  // Language pickers and breadcrumbs: "Portuguese / Spanish / English".
  if (t.length < 100 && /^[\p{Lu}][\p{L}&]*(?: [\p{Lu}&][\p{L}]*)?(?:\s*[\/|·•›>]\s*[\p{Lu}][\p{L}&]*(?: [\p{Lu}&][\p{L}]*)?)+$/u.test(t)) {
    return true;
  }
  const endsSentence = /[.!?…"”’:;)]$/.test(t);
  // Tag lists flattened to text ("IranIraqMiddle EastNews"): glued capitalised words, no sentence.
  if (!endsSentence && (t.match(/\p{Ll}\p{Lu}/gu) ?? []).length >= 2) return true;
  // A caption ending in an agency credit: "Protesters outside the embassy (Jane Roe/PA)".
  if (t.length < 240 && /\([\p{L}.' -]{2,40}\/[\p{L}. ]{1,30}\)$/u.test(t)) return true;
  // "… Photo: Getty" at the end of a short caption.
  if (t.length < 240 && /\b(photo|picture|image|credit)s?\s*:\s*[^.]{1,60}\.?$/i.test(t)) return true;
  // Newsletter boxes.
  if (t.length < 300 && /\b(sign up|subscribe)\b/i.test(t) && /\b(newsletter|inbox|e-?mail|briefing)\b/i.test(t)) return true;
  // Dates, bylines and timestamps left as their own lines.
  if (kind === 'p' && !/[.!?]$/.test(t) && words.length < 12 && /^(by|published|updated|last updated|posted|filed)\b/i.test(t)) {
    return true;
  }
  // Masthead and meta lines: "Capital Wire | Wire service", "A. Writer · Updated 13:05".
  if (kind !== 'h' && !endsSentence && words.length < 12 && /\s[|·•]\s/.test(t)) return true;
  if (kind === 'h' && /^(key (points|events)|related|more on this|most read|comments?|share|advertisement|read more|you may also like|recommended|tags|topics|newsletter)\b/i.test(t)) {
    return true;
  }
  // Short labels that are not sentences ("Published", "Iraq airstrikes", "09:42 GMT").
  if (kind === 'p' && words.length < 5 && !endsSentence) return true;
  // Link-dominated short blocks are teasers or link lists.
  if (kind !== 'h' && t.length < 300 && linkTextLength / t.length >= 0.6) return true;
  return false;
}
