import { describe, expect, test } from 'vitest';
import { RequestRefused } from '../../lib/feeds/fetch-limited';
import {
  MAX_ALLOW_RULES,
  createFetchGuard,
  fetchGuardRules,
  grantRegex,
  grantedSites,
  type FetchGuardApi,
  type GuardRule,
} from '../../lib/extension/fetch-guard';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';

/**
 * What the browser's request filter decides for a request the extension
 * starts: the matching rule of highest priority wins, a request no rule
 * matches goes out. Only the condition kinds the guard uses are read.
 */
function decide(rules: GuardRule[], url: string, initiator = EXT): 'block' | 'allow' {
  const matching = rules.filter((r) => {
    if (!r.condition.initiatorDomains.includes(initiator)) return false;
    if (r.condition.regexFilter !== undefined) return new RegExp(r.condition.regexFilter, 'i').test(url);
    if (r.condition.urlFilter === '|http') return url.startsWith('http');
    throw new Error(`a condition this test does not read: ${JSON.stringify(r.condition)}`);
  });
  const top = matching.sort((a, b) => b.priority - a.priority)[0];
  return top?.action.type ?? 'allow';
}

describe('granted sites as patterns over addresses', () => {
  test.each([
    ['https://news.example/*', 'https://news.example/a/b', true],
    ['https://news.example/*', 'https://news.example:8443/a', true],
    ['https://news.example/*', 'http://news.example/a', false],
    ['https://news.example/*', 'https://www.news.example/a', false],
    ['https://news.example/*', 'https://news.example.evil.example/a', false],
    ['https://news.example/*', 'https://evil.example/?news.example/', false],
    ['*://*.news.example/*', 'http://news.example/', true],
    ['*://*.news.example/*', 'https://feeds.news.example/rss', true],
    ['*://*.news.example/*', 'https://badnews.example/', false],
    ['http://*.test/*', 'http://dailyledger.test:41000/feed.xml', true],
    ['http://*/*', 'http://anything.example/', true],
    ['<all_urls>', 'https://anything.example/', true],
  ])('%s covers %s: %s', (pattern, url, covered) => {
    const regex = grantRegex(pattern);
    expect(regex).toBeDefined();
    expect(new RegExp(regex!, 'i').test(url)).toBe(covered);
  });

  test.each(['file:///*', 'ftp://news.example/*', 'https://news.*/*', 'not a pattern'])('%s grants no web site', (pattern) => {
    expect(grantRegex(pattern)).toBeUndefined();
  });

  test("the content scripts' all-sites patterns, which Chrome lists among the grants, are not taken for grants", () => {
    expect(grantedSites(['http://*/*', 'https://news.example/*', 'https://*/*'], ['http://*/*', 'https://*/*'])).toEqual([
      'https://news.example/*',
    ]);
  });
});

describe('the rules', () => {
  const rules = fetchGuardRules(EXT, ['https://news.example/*', 'http://*.test/*']);

  test.each([
    ['https://news.example/story', 'allow'],
    ['http://dailyledger.test:8123/feed.xml', 'allow'],
    ['https://other.example/story', 'block'],
    ['http://news.example/story', 'block'],
    ['http://127.0.0.1:8123/secret', 'block'],
    ['http://192.168.1.1/', 'block'],
    ['http://localhost:3000/', 'block'],
    ['http://[::1]/', 'block'],
  ] as const)('a request of the extension to %s: %s', (url, expected) => {
    expect(decide(rules, url)).toBe(expected);
  });

  test('a granted site on a private address is still blocked', () => {
    const lan = fetchGuardRules(EXT, ['http://192.168.1.20/*', 'http://*.local/*']);
    expect(decide(lan, 'http://192.168.1.20/feed')).toBe('block');
    expect(decide(lan, 'http://nas.local/feed')).toBe('block');
  });

  test("pages' own requests are not the guard's business", () => {
    for (const url of ['https://other.example/', 'http://127.0.0.1/']) expect(decide(rules, url, 'page.example')).toBe('allow');
  });

  test('with no site granted, every request of the extension is blocked', () => {
    const none = fetchGuardRules(EXT, []);
    expect(decide(none, 'https://news.example/')).toBe('block');
    expect(decide(none, 'http://127.0.0.1/')).toBe('block');
  });

  test('more granted sites than the browser takes rules for: private addresses are still blocked', () => {
    const many = Array.from({ length: MAX_ALLOW_RULES + 1 }, (_, i) => `https://site${i}.example/*`);
    const capped = fetchGuardRules(EXT, many);
    expect(capped.some((r) => r.action.type === 'allow')).toBe(false);
    expect(decide(capped, 'http://10.0.0.1/')).toBe('block');
    // The background's own check refuses a body from a site not granted, after the fact.
    expect(decide(capped, 'https://site7.example/')).toBe('allow');
  });

  test('rule ids are distinct and every rule names the extension as initiator', () => {
    const all = fetchGuardRules(
      EXT,
      Array.from({ length: 50 }, (_, i) => `https://site${i}.example/*`),
    );
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const rule of all) expect(rule.condition.initiatorDomains).toEqual([EXT]);
  });
});

function fakeApi(origins: string[]) {
  const state = {
    origins,
    rules: [] as GuardRule[],
    updates: 0,
    fail: undefined as string | undefined,
  };
  const api: FetchGuardApi = {
    extensionHost: EXT,
    grantedOrigins: async () => [...state.origins],
    contentScriptMatches: () => ['http://*/*', 'https://*/*'],
    sessionRuleIds: async () => state.rules.map((r) => r.id),
    updateSessionRules: async ({ removeRuleIds, addRules }) => {
      if (state.fail) throw new Error(state.fail);
      state.updates++;
      state.rules = [...state.rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
    },
  };
  return { api, state };
}

describe('the guard in the background', () => {
  test('is put in place before the first request, once, and again when the grants change', async () => {
    const { api, state } = fakeApi(['http://*/*', 'https://news.example/*', 'https://*/*']);
    const guard = createFetchGuard(api);
    const seen: string[] = [];
    const fetchFn = guard.guarded(async (input) => {
      seen.push(`${String(input)} ${decide(state.rules, String(input))}`);
      return new Response('ok');
    });
    await fetchFn('https://news.example/a');
    await fetchFn('https://news.example/b');
    expect(state.updates).toBe(1);
    state.origins.push('https://other.example/*');
    await fetchFn('https://other.example/c');
    expect(state.updates).toBe(2);
    expect(seen).toEqual(['https://news.example/a allow', 'https://news.example/b allow', 'https://other.example/c allow']);
    // Revoked: the old rules are replaced whole, none left over.
    state.origins = ['http://*/*', 'https://*/*'];
    await guard.ready();
    expect(decide(state.rules, 'https://news.example/a')).toBe('block');
    expect(state.rules.filter((r) => r.action.type === 'allow')).toEqual([]);
    expect(state.rules).toEqual(fetchGuardRules(EXT, []));
  });

  test('rules left by a stopped worker are replaced, not added to', async () => {
    const { api, state } = fakeApi(['https://news.example/*']);
    state.rules = fetchGuardRules(EXT, ['https://old.example/*', 'https://older.example/*']);
    await createFetchGuard(api).ready();
    expect(decide(state.rules, 'https://old.example/')).toBe('block');
    expect(decide(state.rules, 'https://news.example/')).toBe('allow');
  });

  test('when the rules cannot be set, nothing is requested and the reason is plain; the next try can succeed', async () => {
    const { api, state } = fakeApi(['https://news.example/*']);
    state.fail = 'rule limit reached';
    const guard = createFetchGuard(api);
    let requested = 0;
    const fetchFn = guard.guarded(async () => {
      requested++;
      return new Response('ok');
    });
    const failure = await fetchFn('https://news.example/a').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestRefused);
    expect((failure as Error).message).toMatch(/could not put the guard.*rule limit reached.*requested nothing/);
    expect(requested).toBe(0);
    state.fail = undefined;
    await fetchFn('https://news.example/a');
    expect(requested).toBe(1);
  });

  test('requests started together wait for one installation', async () => {
    const { api, state } = fakeApi(['https://news.example/*']);
    const guard = createFetchGuard(api);
    await Promise.all([guard.ready(), guard.ready(), guard.ready()]);
    expect(state.updates).toBe(1);
  });
});
