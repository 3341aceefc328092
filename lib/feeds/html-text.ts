// Feeds carry titles as escaped HTML more often than as the plain text the
// specs ask for ("&amp;#8217;", "<b>Live</b>"), so titles are cleaned once more.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  sbquo: '‚',
  bdquo: '„',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  pound: '£',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  middot: '·',
  bull: '•',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
};

/** Replaces character references (`&amp;`, `&#8217;`, `&#x2019;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Plain text of a short HTML fragment (a title): tags dropped, references decoded, spaces collapsed. */
export function plainText(html: string): string {
  return decodeEntities(withoutTags(html)).replace(/\s+/g, ' ').trim();
}

/**
 * Each `<…>` replaced by a space; a `<` never closed stays as written. One
 * pass: the pattern /<[^>]*>/g would rescan the rest of the text from every
 * unclosed `<`, which is quadratic.
 */
function withoutTags(html: string): string {
  let open = html.indexOf('<');
  if (open < 0) return html;
  let out = '';
  let from = 0;
  while (open >= 0) {
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    out += `${html.slice(from, open)} `;
    from = close + 1;
    open = html.indexOf('<', from);
  }
  return out + html.slice(from);
}
