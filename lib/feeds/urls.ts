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

/**
 * Whether a URL's host name names this computer or a private network: a
 * literal loopback, private (10/8, 172.16/12, 192.168/16), carrier-grade NAT
 * (100.64/10), link-local or unspecified IPv4 address; IPv6 loopback,
 * unspecified, unique-local (fc00::/7) or link-local (fe80::/10), also as an
 * IPv4-mapped address; `localhost`, `*.localhost` and `*.local` (mDNS).
 * Judged on the name alone, as written: a public name that resolves to a
 * private address is not caught (the browser gives scripts no resolver), and
 * test names such as `*.test` mapped to loopback by the browser's host rules
 * stay usable. The URL parser has already turned every IPv4 spelling
 * (`0x7f.1`, `2130706433`) into dotted decimal.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'local' || host.endsWith('.local')) return true;
  if (host.startsWith('[') && host.endsWith(']')) return isPrivateIpv6(host.slice(1, -1));
  const v4 = ipv4(host);
  return v4 !== undefined && isPrivateIpv4(v4);
}

function ipv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 || // "this network"; 0.0.0.0 reaches this computer
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/** `address`: an IPv6 address as the URL parser writes it (compressed, lower case, hex groups). */
function isPrivateIpv6(address: string): boolean {
  if (address === '::' || address === '::1') return true;
  // IPv4-mapped (::ffff:7f00:1) and the deprecated IPv4-compatible form (::7f00:1).
  const mapped = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const hi = parseInt(mapped[1] ?? '0', 16);
    const lo = parseInt(mapped[2] ?? '0', 16);
    return isPrivateIpv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  const first = parseInt(address.split(':')[0] || '0', 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/**
 * The addresses `isPrivateHost` refuses, as regular expressions over a whole
 * URL (one per kind of host, each small enough for the browser's limit of
 * 2 KB compiled) in the syntax the browser's request rules take (RE2: no
 * look-around), for the guard the background puts on its own requests
 * (lib/extension/fetch-guard.ts): the browser checks every hop of a redirect
 * against them before the hop is requested, which a script cannot. Stricter
 * on one point: every IPv6 literal is caught, public or not (the URL parser
 * writes IPv4-mapped ones in hex, which a pattern cannot range-check).
 * tests/feeds/addresses.test.ts holds the two to the same answers.
 */
export const PRIVATE_URL_PATTERNS: readonly string[] = [
  '\\[[^/\\]]*\\]',
  '(?:[^/?#:@]*\\.)?(?:localhost|local)',
  '(?:0|10|127)\\.[0-9]+\\.[0-9]+\\.[0-9]+',
  '100\\.(?:6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.[0-9]+\\.[0-9]+',
  '169\\.254\\.[0-9]+\\.[0-9]+',
  '172\\.(?:1[6-9]|2[0-9]|3[01])\\.[0-9]+\\.[0-9]+',
  '192\\.168\\.[0-9]+\\.[0-9]+',
].map((host) => `^https?://(?:[^/?#@]*@)?${host}\\.?(?::[0-9]*)?(?:[/?#]|$)`);

/**
 * Why Parallax will not request `url` on its own (from a feed, after a
 * redirect), or undefined when it may: only http(s) addresses on public hosts.
 */
export function publicAddressRefusal(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the address is not a web address';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'the address is not an http or https address';
  if (isPrivateHost(parsed.hostname)) {
    return `the address points into this computer or its local network (${parsed.hostname}), which Parallax never reads`;
  }
  return undefined;
}
