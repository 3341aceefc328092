/**
 * The guard on the background's own requests. A browser follows redirects
 * out of a script's sight (fetch's "manual" mode hides where a redirect
 * goes), so `fetchLimited` can check only the first address and the last:
 * a feed item on a followed site that redirects to 127.0.0.1 or to a site
 * the reader never allowed would be requested before the check. These
 * session rules of the browser's request filter (declarativeNetRequest)
 * apply to every request the extension itself starts, each redirect hop
 * included, and are checked by the browser before the hop goes out:
 *
 * - a private or loopback address (`PRIVATE_URL_PATTERNS`) is blocked;
 * - any other http(s) address is blocked unless a site the reader granted
 *   covers it.
 *
 * Pages' own requests are untouched: every rule names the extension as the
 * request's initiator. Chrome lists the content script's all-sites match
 * patterns among the granted origins; they let the script run, not the
 * background fetch, and are left out of the allowed sites.
 */
import type { browser } from 'wxt/browser';
import { PRIVATE_URL_PATTERNS } from '../feeds/urls';
import { RequestRefused } from '../feeds/fetch-limited';

export interface GuardRule {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' };
  condition: { initiatorDomains: string[]; regexFilter?: string; urlFilter?: string };
}

/** Rule ids: the default block, the private-address blocks, then one allow rule per granted site pattern. */
const DEFAULT_RULE_ID = 1;
const FIRST_PRIVATE_RULE_ID = 10;
const FIRST_ALLOW_RULE_ID = 100;

/**
 * Allow rules at most: the browsers cap regular-expression rules at 1,000
 * (MAX_NUMBER_OF_REGEX_RULES). A reader with more granted sites than this
 * keeps the private-address block only; the background's own address check
 * still refuses a body from a site not granted, after the fact.
 */
export const MAX_ALLOW_RULES = 900;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A granted origin pattern ("https://example.com/*", "*://*.example.com/*",
 * "<all_urls>") as a regular expression over request URLs, or undefined for
 * one that grants no http(s) host. Paths are not narrowed: a grant is a site.
 */
export function grantRegex(pattern: string): string | undefined {
  if (pattern === '<all_urls>') return '^https?://';
  const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!match) return undefined;
  const scheme = match[1] === '*' ? 'https?' : match[1]!;
  const host = match[2]!.toLowerCase();
  let hostRegex: string;
  if (host === '*') hostRegex = '[^/?#@]+';
  else if (host.startsWith('*.')) hostRegex = `(?:[^/?#@:]+\\.)?${escapeRegex(host.slice(2))}`;
  else if (host.includes('*')) return undefined;
  else hostRegex = escapeRegex(host);
  return `^${scheme}://(?:[^/?#@]*@)?${hostRegex}\\.?(?::[0-9]*)?(?:[/?#]|$)`;
}

/** The rules for an extension whose pages and worker are served from `extensionHost`, given the granted site patterns. */
export function fetchGuardRules(extensionHost: string, granted: readonly string[]): GuardRule[] {
  const initiatorDomains = [extensionHost];
  const rules: GuardRule[] = PRIVATE_URL_PATTERNS.map((regexFilter, i) => ({
    id: FIRST_PRIVATE_RULE_ID + i,
    priority: 3,
    action: { type: 'block' },
    condition: { initiatorDomains, regexFilter },
  }));
  const allowed = [...new Set(granted.map(grantRegex).filter((r): r is string => r !== undefined))].sort();
  if (allowed.length > MAX_ALLOW_RULES) return rules;
  rules.push({ id: DEFAULT_RULE_ID, priority: 1, action: { type: 'block' }, condition: { initiatorDomains, urlFilter: '|http' } });
  allowed.forEach((regexFilter, i) =>
    rules.push({ id: FIRST_ALLOW_RULE_ID + i, priority: 2, action: { type: 'allow' }, condition: { initiatorDomains, regexFilter } }),
  );
  return rules;
}

/** The granted origins without the patterns the content scripts run on (which Chrome lists among them). */
export function grantedSites(origins: readonly string[], contentScriptMatches: readonly string[]): string[] {
  const scriptOnly = new Set(contentScriptMatches);
  return origins.filter((o) => !scriptOnly.has(o));
}

export interface FetchGuardApi {
  /** The host of the extension's own addresses (its id in Chrome, its internal UUID in Firefox). */
  extensionHost: string;
  /** Origins granted now (permissions.getAll), and the content scripts' match patterns (from the manifest). */
  grantedOrigins(): Promise<string[]>;
  contentScriptMatches(): string[];
  sessionRuleIds(): Promise<number[]>;
  updateSessionRules(update: { removeRuleIds: number[]; addRules: GuardRule[] }): Promise<void>;
}

export interface FetchGuard {
  /** Puts the rules for the sites granted now in place (once per change); throws RequestRefused when it cannot. */
  ready(): Promise<void>;
  /** `fetch` that requests nothing until the guard is in place. */
  guarded(fetchFn: typeof fetch): typeof fetch;
}

export function createFetchGuard(api: FetchGuardApi): FetchGuard {
  let installed: string | undefined;
  let chain: Promise<void> = Promise.resolve();
  const sync = async (): Promise<void> => {
    const rules = fetchGuardRules(api.extensionHost, grantedSites(await api.grantedOrigins(), api.contentScriptMatches()));
    const wanted = JSON.stringify(rules);
    if (wanted === installed) return;
    // Session rules outlive a stopped worker: whatever is there is replaced whole.
    await api.updateSessionRules({ removeRuleIds: await api.sessionRuleIds(), addRules: rules });
    installed = wanted;
  };
  const ready = (): Promise<void> => {
    const next = chain.then(sync).catch((error: unknown) => {
      installed = undefined;
      const why = error instanceof Error ? error.message : String(error);
      throw new RequestRefused(`Parallax could not put the guard on its own requests in place (${why}), so it requested nothing`);
    });
    // The next caller waits for this one, whether it failed or not.
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    ready,
    guarded:
      (fetchFn) =>
      async (...args) => {
        await ready();
        return fetchFn(...args);
      },
  };
}

/** The guard's view of the browser's APIs, Chrome's and Firefox's alike; a browser without a request filter fails at `ready()`, not at start. */
export function browserFetchGuardApi(api: typeof browser): FetchGuardApi {
  const dnr = () => {
    const found = api.declarativeNetRequest as unknown as
      | {
          getSessionRules(): Promise<{ id: number }[]>;
          updateSessionRules(update: { removeRuleIds: number[]; addRules: GuardRule[] }): Promise<void>;
        }
      | undefined;
    if (!found) throw new Error('this browser gives the extension no request filter');
    return found;
  };
  return {
    extensionHost: new URL(api.runtime.getURL('/')).hostname,
    grantedOrigins: async () => (await api.permissions.getAll()).origins ?? [],
    contentScriptMatches: () => (api.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []),
    sessionRuleIds: async () => (await dnr().getSessionRules()).map((rule) => rule.id),
    updateSessionRules: (update) => dnr().updateSessionRules(update),
  };
}
