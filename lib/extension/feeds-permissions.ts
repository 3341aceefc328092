/**
 * Host permissions asked per outlet, when the reader follows it: the feed's
 * own site and the site its articles live on (often another host, such as
 * feeds.example.com for www.example.com).
 */

/** "https://www.example.com/*" for an address; undefined for anything not http(s). */
export function originPattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

/** The origins to ask for, without duplicates, from the feed's address and any known site addresses. */
export function originsToRequest(...urls: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const url of urls) {
    const pattern = url ? originPattern(url) : undefined;
    if (pattern) out.add(pattern);
  }
  return [...out];
}
