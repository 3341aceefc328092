/** Canonical URLs, hosts and stable ids for stored records. */
import { getDomain } from 'tldts';

// Query parameters that only track the reader; the same article with and
// without them is one article.
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ocid|cmpid|smid|ref_src)$/i;

/** The canonical form of an article URL: no fragment, no tracking parameters. Throws on a non-http(s) URL. */
export function canonicalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`Article URL is not a valid URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Article URL must start with http:// or https://, got ${JSON.stringify(raw)}`);
  }
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  url.search = url.searchParams.toString() ? `?${url.searchParams.toString()}` : '';
  return url.toString();
}

/** Host name as stored and compared everywhere: lower-cased, without a trailing dot or a leading "www.". */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** The normalised host of a URL; throws on a string that is not a URL. */
export function hostOf(url: string): string {
  return normalizeHost(new URL(url).hostname);
}

/**
 * The site a host belongs to: its registrable domain by the Public Suffix
 * List ("a.b.ledger.co.uk" → "ledger.co.uk", "user.github.io" stays whole),
 * or the host itself when it has none (an IP address, "localhost"). A page
 * cannot count as many sites by taking new subdomains.
 */
export function siteOf(host: string): string {
  const h = normalizeHost(host);
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/** The normalised host of a URL, or undefined when it is not one. */
export function hostOfOrUndefined(url: string): string | undefined {
  try {
    return hostOf(url);
  } catch {
    return undefined;
  }
}

/**
 * An outlet name as outlet names are compared (never as shown): compatibility
 * forms folded (NFKC: full-width letters, ligatures), invisible format
 * characters (zero-width spaces and joiners, soft hyphens, direction marks)
 * and whitespace dropped, case ignored. "the  daily\u200bLEDGER" is "The
 * Daily Ledger". Letters of other scripts that look alike stay distinct.
 */
export function outletKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\p{Cf}\s]/gu, '')
    .toLowerCase();
}

/** Whether `host` is `parent` or a subdomain of it ("news.example.com" is on "example.com"); both normalised. */
export function isOnHost(host: string, parent: string): boolean {
  return host === parent || host.endsWith(`.${parent}`);
}

/** The same host, or one a subdomain of the other (a feed on feeds.site.example and articles on site.example). */
export function relatedHosts(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return isOnHost(a, b) || isOnHost(b, a);
}

/**
 * The one rule for which address a page speaks for, whichever way it arrives:
 * the address it names as its own (its canonical URL) when that is on the
 * site it was read from, else the address it was read from. A page naming
 * another site's article as its canonical address must not overwrite, or
 * read, what is stored for that article. `readFrom` is the open tab's
 * address or the address a feed's item was fetched from; without it (an
 * import line, the extension's own pages) the named address stands.
 */
export function ownAddress(claimed: string, readFrom: string | undefined): string {
  if (readFrom === undefined || !/^https?:/i.test(readFrom)) return claimed;
  const own = hostOfOrUndefined(claimed);
  return own !== undefined && own === hostOfOrUndefined(readFrom) ? claimed : readFrom;
}

/** A 53-bit string hash (cyrb53), stable across runs and platforms, as base 36. */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function articleIdFor(url: string): string {
  return `a-${stableHash(url)}`;
}

/** A new story is named after the article that opened it, so replaying the same captures gives the same ids. */
export function storyIdFor(articleId: string): string {
  return `s-${stableHash(articleId)}`;
}

export function sentenceIdFor(articleId: string, index: number): string {
  return `${articleId}#${index}`;
}
