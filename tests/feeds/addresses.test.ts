import { describe, expect, test } from 'vitest';
import { fetchLimited } from '../../lib/feeds/fetch-limited';
import { createArticleFetcher, createFeedState, pollFeed, type PollDeps } from '../../lib/feeds/poller';
import { PRIVATE_URL_PATTERNS, isPrivateHost, publicAddressRefusal } from '../../lib/feeds/urls';
import { createFakeWeb } from './fake-web';

const LIMITS = { maxBytes: 1024 * 1024, maxRedirects: 5 };
const PAGE = { headers: { 'content-type': 'text/html' }, body: '<html><body><p>An article.</p></body></html>' };
const moved = (location: string) => ({ status: 302, headers: { location } });

describe('which hosts Parallax requests on its own', () => {
  test.each([
    ['http://127.0.0.1/', true],
    ['http://127.8.9.10:8080/x', true],
    ['http://2130706433/', true], // 127.0.0.1 as one number
    ['http://0x7f.1/', true], // and in hex
    ['http://0.0.0.0/', true],
    ['http://10.20.30.40/', true],
    ['http://172.16.0.1/', true],
    ['http://172.31.255.255/', true],
    ['http://192.168.1.1/', true],
    ['http://169.254.169.254/latest/meta-data', true],
    ['http://localhost:3000/', true],
    ['http://api.localhost/', true],
    ['http://printer.local/', true],
    ['http://[::1]/', true],
    ['http://[::]/', true],
    ['http://[::ffff:127.0.0.1]/', true],
    ['http://[::ffff:192.168.0.1]/', true],
    ['http://[fd12:3456::1]/', true],
    ['http://[fe80::1]/', true],
    ['http://172.32.0.1/', false],
    ['http://8.8.8.8/', false],
    ['http://[2001:db8::1]/', false],
    ['https://news.example/story', false],
    // Test outlets: names the browser's host rules map to loopback; the name is what is judged.
    ['http://ledger.test:8123/feed.xml', false],
  ])('%s private: %s', (url, expected) => {
    expect(isPrivateHost(new URL(url).hostname)).toBe(expected);
  });

  test.each(['file:///etc/passwd', 'ftp://news.example/a', 'javascript:alert(1)', 'not a url'])('refuses %s', (url) => {
    expect(publicAddressRefusal(url)).toBeDefined();
  });
});

describe("the request guard's patterns of private addresses", () => {
  const patterns = PRIVATE_URL_PATTERNS.map((p) => new RegExp(p, 'i'));
  const matches = (url: string): boolean => patterns.some((p) => p.test(new URL(url).href));

  /** Every first octet, and the second octets around each private range's edges, in every position a URL has. */
  function ipv4Hosts(): string[] {
    const hosts: string[] = [];
    for (let a = 0; a <= 255; a++) hosts.push(`${a}.1.2.3`);
    for (const a of [100, 169, 172, 192]) for (let b = 0; b <= 255; b++) hosts.push(`${a}.${b}.0.1`);
    return hosts;
  }
  const names = [
    'localhost',
    'a.localhost',
    'local',
    'printer.local',
    'localhost.example',
    'local.example',
    'notlocal',
    'news.example',
    'ledger.test',
  ];
  const shapes = (host: string) => [
    `http://${host}/`,
    `https://${host}:8443/a?b#c`,
    `http://user:pw@${host}`,
    `http://${host}./x`,
    `http://${host}?q`,
  ];

  test('agrees with isPrivateHost on IPv4 addresses and names, in every shape of URL', () => {
    const disagreements: string[] = [];
    for (const host of [...ipv4Hosts(), ...names]) {
      for (const url of shapes(host)) if (matches(url) !== isPrivateHost(new URL(url).hostname)) disagreements.push(url);
    }
    expect(disagreements).toEqual([]);
  });

  test('a private address inside a longer name, a path or the user part is not taken for one', () => {
    for (const url of [
      'http://127.0.0.1.example/',
      'http://10.0.0.1x/',
      'http://news.example/127.0.0.1/',
      'http://news.example/?u=http://localhost/',
    ]) {
      expect(matches(url), url).toBe(false);
    }
    expect(matches('http://127.0.0.1@news.example/')).toBe(false);
    expect(matches('http://news.example@127.0.0.1/')).toBe(true);
  });

  test('catches every IPv6 literal, the private ones isPrivateHost names among them', () => {
    for (const url of ['http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[fd12::1]:80/', 'http://[2001:db8::1]/'])
      expect(matches(url), url).toBe(true);
  });

  test('matches http(s) addresses only', () => {
    expect(matches('ftp://127.0.0.1/')).toBe(false);
  });
});

describe('each redirect is checked before it is followed', () => {
  const granted = new Set(['ledger.example', 'ledger.test']);
  const mayFetch = async (url: string) => granted.has(new URL(url).hostname);

  test('an item on a loopback address is never requested', async () => {
    const web = createFakeWeb({ 'http://127.0.0.1/admin': PAGE });
    const fetchArticle = createArticleFetcher(web.fetch, { mayFetch });
    const r = await fetchArticle('http://127.0.0.1/admin');
    expect(r.ok).toBe(false);
    expect(web.visited).toEqual([]);
  });

  test.each([
    ['to loopback', 'http://127.0.0.1:9000/secret', /local network \(127\.0\.0\.1\)/],
    ['to IPv6 loopback', 'http://[::1]/secret', /local network/],
    ['to a private network', 'http://192.168.0.10/router', /local network/],
    ['to a host the reader did not follow', 'https://elsewhere.example/story', /may not read elsewhere\.example/],
    ['to another scheme', 'file:///etc/passwd', /other than a web page/],
  ])('an item on a followed host that redirects %s: the target is never requested', async (_case, target, error) => {
    const web = createFakeWeb({ 'https://ledger.example/story/1': moved(target), [target]: PAGE });
    const r = await createArticleFetcher(web.fetch, { mayFetch })('https://ledger.example/story/1');
    expect(r).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(web.visited).toEqual(['https://ledger.example/story/1']);
  });

  test('a redirect within the followed hosts is followed, hop by hop', async () => {
    const web = createFakeWeb({
      'http://ledger.example/story/1': moved('https://ledger.example/story/1'),
      'https://ledger.example/story/1': moved('http://ledger.test/story/1'),
      'http://ledger.test/story/1': PAGE,
    });
    const r = await createArticleFetcher(web.fetch, { mayFetch })('http://ledger.example/story/1');
    expect(r).toMatchObject({ ok: true, finalUrl: 'http://ledger.test/story/1' });
    expect(web.requests.map((q) => q.redirect)).toEqual(['manual', 'manual', 'manual']);
  });

  test('the number of hops is bounded', async () => {
    const routes: Record<string, ReturnType<typeof moved>> = {};
    for (let i = 0; i < 50; i++) routes[`https://ledger.example/${i}`] = moved(`https://ledger.example/${i + 1}`);
    const web = createFakeWeb(routes);
    const r = await fetchLimited(web.fetch, 'https://ledger.example/0', { ...LIMITS, checkUrl: () => undefined });
    expect(r).toEqual({ ok: false, error: 'too many redirects (more than 5)' });
    expect(web.visited.length).toBe(6);
  });

  test('in a browser, where hops are hidden, the final address is checked and its body dropped', async () => {
    const web = createFakeWeb(
      { 'https://ledger.example/story/1': moved('https://elsewhere.example/story'), 'https://elsewhere.example/story': PAGE },
      { browser: true },
    );
    const r = await createArticleFetcher(web.fetch, { mayFetch })('https://ledger.example/story/1');
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/^it redirects to https:\/\/elsewhere\.example\/story: Parallax may not read/),
    });
  });

  test('a poll stores only the items whose every hop is allowed', async () => {
    const FEED = 'https://ledger.example/feed.xml';
    const item = (link: string, i: number) =>
      `<item><title>Story ${i}</title><link>${link}</link><pubDate>${new Date(Date.UTC(2025, 0, 1, i)).toUTCString()}</pubDate></item>`;
    const links = ['https://ledger.example/good', 'http://127.0.0.1/x', 'https://ledger.example/hop', 'http://printer.local/y'];
    const web = createFakeWeb({
      [FEED]: {
        headers: { 'content-type': 'application/rss+xml' },
        body: `<rss><channel><title>L</title>${links.map(item).join('')}</channel></rss>`,
      },
      'https://ledger.example/good': PAGE,
      'https://ledger.example/hop': moved('http://10.0.0.1/internal'),
    });
    const stored: string[] = [];
    const deps: PollDeps = {
      fetch: web.fetch,
      now: () => Date.UTC(2025, 0, 2),
      fetchArticle: createArticleFetcher(web.fetch, { mayFetch }),
      async storeArticle(_html, url) {
        stored.push(url);
        return { stored: true };
      },
      mayFetch,
    };
    const result = await pollFeed(createFeedState(FEED, { now: 0 }), deps);
    expect(stored).toEqual(['https://ledger.example/good']);
    expect(result.errors).toHaveLength(3);
    expect(web.visited.filter((u) => /127\.0\.0\.1|10\.0\.0\.1|printer\.local/.test(u))).toEqual([]);
  });

  test('a feed that redirects to loopback is not read', async () => {
    const web = createFakeWeb({ 'https://ledger.example/feed.xml': moved('http://localhost:8080/feed.xml') });
    const deps: PollDeps = {
      fetch: web.fetch,
      now: () => 0,
      fetchArticle: async () => ({ ok: false, error: 'unused' }),
      storeArticle: async () => ({ stored: false }),
    };
    const result = await pollFeed(createFeedState('https://ledger.example/feed.xml', { now: 0 }), deps);
    expect(result.errors[0]).toMatch(/^it redirects to http:\/\/localhost:8080\/feed\.xml: .*local network/);
    expect(web.visited).toEqual(['https://ledger.example/feed.xml']);
  });
});
