/** Whether `url` is an absolute http(s) address: the only kind Parallax fetches. */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `href` resolved against `base`, without its fragment; undefined when it is
 * empty, malformed or not http(s) (javascript:, mailto:, data: …).
 */
export function resolveHttpUrl(href: string | undefined, base: string): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}
