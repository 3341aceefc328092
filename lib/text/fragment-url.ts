/**
 * A URL that opens `url` scrolled to `sentence`, with a text fragment
 * (https://wicg.github.io/scroll-to-text-fragment/). Long sentences are
 * addressed by their first and last words so that small differences in the
 * middle (whitespace, inline markup) do not break the match.
 */
export function textFragmentUrl(url: string, sentence: string): string {
  const base = url.replace(/#.*$/, '');
  const words = sentence.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return base;
  const enc = (s: string): string => encodeFragmentPart(s);
  const directive = words.length <= 8 ? enc(words.join(' ')) : `${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-4).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}

// The characters "&", "-" and "," have a meaning inside a text directive.
function encodeFragmentPart(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}
