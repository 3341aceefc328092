import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REDIRECT_REFUSED, RequestRefused, fetchLimited, formatBytes } from '../../lib/feeds/fetch-limited';
import { createFakeWeb, lazyBody } from './fake-web';

const MB = 1024 * 1024;
const LIMITS = { maxBytes: 5 * MB, maxRedirects: 5 };

describe('fetchLimited with a fake web', () => {
  test('reads a page and reports where it came from, its type and validators', async () => {
    const web = createFakeWeb({
      'https://a.example/feed': {
        body: '<rss/>',
        headers: { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 14 Oct 2025 09:00:00 GMT' },
      },
    });
    const result = await fetchLimited(web.fetch, 'https://a.example/feed', { ...LIMITS, headers: { 'If-None-Match': '"v0"' } });
    expect(result).toEqual({
      ok: true,
      status: 200,
      body: '<rss/>',
      contentType: 'application/rss+xml',
      finalUrl: 'https://a.example/feed',
      etag: '"v1"',
      lastModified: 'Tue, 14 Oct 2025 09:00:00 GMT',
    });
    expect(web.requests[0]?.headers.get('if-none-match')).toBe('"v0"');
  });

  test('a 50 MB page is abandoned after the limit, not read whole', async () => {
    const big = lazyBody(50 * MB);
    const web = createFakeWeb({ 'https://a.example/huge': { body: big.stream, headers: { 'content-type': 'text/html' } } });
    const result = await fetchLimited(web.fetch, 'https://a.example/huge', LIMITS);
    expect(result).toEqual({ ok: false, error: 'the page is larger than 5 MB and was skipped' });
    expect(big.pulled()).toBeLessThan(6 * MB);
  });

  test('a declared Content-Length over the limit is refused before reading', async () => {
    const big = lazyBody(50 * MB);
    const web = createFakeWeb({
      'https://a.example/huge': { body: big.stream, headers: { 'content-length': String(50 * MB) } },
    });
    const result = await fetchLimited(web.fetch, 'https://a.example/huge', { ...LIMITS, maxBytes: 512 * 1024 });
    expect(result).toEqual({ ok: false, error: 'the page is larger than 512 KB and was skipped' });
    expect(big.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  test.each([
    { case: 'followed to the end', hops: 3, limit: 5, expected: { ok: true, finalUrl: 'https://a.example/3' } },
    { case: 'too many', hops: 4, limit: 3, expected: { ok: false, error: 'too many redirects (more than 3)' } },
  ])('redirect chain: $case', async ({ hops, limit, expected }) => {
    const routes: Record<string, { status: number; headers?: Record<string, string>; body?: string }> = {};
    for (let i = 0; i < hops; i++) routes[`https://a.example/${i}`] = { status: 301, headers: { location: `/${i + 1}` } };
    routes[`https://a.example/${hops}`] = { status: 200, body: 'done' };
    const web = createFakeWeb(routes);
    const result = await fetchLimited(web.fetch, 'https://a.example/0', { maxBytes: MB, maxRedirects: limit });
    expect(result).toMatchObject(expected);
  });

  test('a redirect loop is named as such', async () => {
    const web = createFakeWeb({
      'https://a.example/x': { status: 302, headers: { location: 'https://a.example/y' } },
      'https://a.example/y': { status: 307, headers: { location: '/x' } },
    });
    expect(await fetchLimited(web.fetch, 'https://a.example/x', LIMITS)).toEqual({ ok: false, error: 'redirect loop' });
  });

  test('in a browser, where redirects are opaque, fetch follows them and its failure names what it may be', async () => {
    const loop = createFakeWeb(
      {
        'https://a.example/x': { status: 302, headers: { location: 'https://a.example/y' } },
        'https://a.example/y': { status: 302, headers: { location: 'https://a.example/x' } },
      },
      { browser: true },
    );
    expect(await fetchLimited(loop.fetch, 'https://a.example/x', LIMITS)).toEqual({ ok: false, error: REDIRECT_REFUSED });

    const moved = createFakeWeb(
      {
        'https://a.example/old': { status: 301, headers: { location: 'https://b.example/new' } },
        'https://b.example/new': { body: 'here', headers: { 'content-type': 'text/html' } },
      },
      { browser: true },
    );
    expect(await fetchLimited(moved.fetch, 'https://a.example/old', LIMITS)).toMatchObject({
      ok: true,
      body: 'here',
      finalUrl: 'https://b.example/new',
    });
    expect(moved.requests.map((r) => r.redirect)).toEqual(['manual', 'follow']);
  });

  test("a request the runtime's guard refuses says so in its own words", async () => {
    const refusing: typeof fetch = async () => {
      throw new RequestRefused('nothing was requested, for a reason the reader can read');
    };
    expect(await fetchLimited(refusing, 'https://a.example/x', LIMITS)).toEqual({
      ok: false,
      error: 'nothing was requested, for a reason the reader can read',
    });
  });

  test.each([
    { case: 'server error', page: { status: 500 }, error: 'the server answered 500' },
    { case: 'not found', page: { status: 404 }, error: 'the server answered 404' },
    { case: 'redirect to nowhere', page: { status: 302 }, error: 'the server answered 302 without saying where to go' },
    {
      case: 'redirect to another scheme',
      page: { status: 302, headers: { location: 'ftp://a.example/file' } },
      error: 'the address redirects to something other than a web page',
    },
  ])('$case', async ({ page, error }) => {
    const web = createFakeWeb({ 'https://a.example/p': page });
    expect(await fetchLimited(web.fetch, 'https://a.example/p', LIMITS)).toEqual({ ok: false, error });
  });

  test('a server that never answers times out', async () => {
    const web = createFakeWeb({ 'https://a.example/slow': { hang: true } });
    const result = await fetchLimited(web.fetch, 'https://a.example/slow', { ...LIMITS, timeoutMs: 20 });
    expect(result).toEqual({ ok: false, error: 'timed out' });
  });

  test.each(['file:///etc/passwd', 'chrome://settings', 'javascript:alert(1)', 'not a url'])(
    'only http(s) addresses are fetched: %s',
    async (url) => {
      const web = createFakeWeb({});
      expect(await fetchLimited(web.fetch, url, LIMITS)).toEqual({
        ok: false,
        error: 'only http and https addresses can be fetched',
      });
      expect(web.requests).toHaveLength(0);
    },
  );

  test.each([
    { case: 'charset in the content type', type: 'text/html; charset=windows-1252', prefix: '' },
    { case: 'encoding in the XML declaration', type: 'application/rss+xml', prefix: '<?xml version="1.0" encoding="ISO-8859-1"?>' },
  ])('decodes by the declared charset: $case', async ({ type, prefix }) => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${prefix}caf`), 0xe9, 0x20, 0xa3, 0x35]);
    const web = createFakeWeb({ 'https://a.example/p': { body: bytes, headers: { 'content-type': type } } });
    const result = await fetchLimited(web.fetch, 'https://a.example/p', LIMITS);
    expect(result.ok && result.body).toBe(`${prefix}café £5`);
  });

  test.each([
    [5 * MB, '5 MB'],
    [1.5 * MB, '1.5 MB'],
    [512 * 1024, '512 KB'],
    [300, '300 bytes'],
  ])('formatBytes(%i) is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe("fetchLimited with Node's own fetch", () => {
  let server: Server;
  let origin = '';
  let bytesSent = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/loop-a') return void res.writeHead(302, { location: '/loop-b' }).end();
      if (path === '/loop-b') return void res.writeHead(302, { location: '/loop-a' }).end();
      if (path === '/moved') return void res.writeHead(301, { location: '/feed' }).end();
      if (path === '/feed') {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end('<rss/>');
      }
      if (path === '/endless') {
        // Writes until the client goes away: a page with no end and no length.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const write = () => {
          while (!res.destroyed && bytesSent < 60 * MB) {
            bytesSent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', write);
          }
          res.end();
        };
        res.on('close', () => undefined);
        return void write();
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('follows a redirect, then a conditional request gets 304', async () => {
    const first = await fetchLimited(fetch, `${origin}/moved`, LIMITS);
    expect(first).toMatchObject({ ok: true, status: 200, finalUrl: `${origin}/feed`, etag: '"v1"', body: '<rss/>' });
    const again = await fetchLimited(fetch, `${origin}/feed`, { ...LIMITS, headers: { 'If-None-Match': '"v1"' } });
    expect(again).toMatchObject({ ok: true, status: 304, body: '' });
  });

  test('reports a redirect loop', async () => {
    expect(await fetchLimited(fetch, `${origin}/loop-a`, LIMITS)).toEqual({ ok: false, error: 'redirect loop' });
  });

  test('stops reading an endless page at the limit', async () => {
    const result = await fetchLimited(fetch, `${origin}/endless`, { ...LIMITS, maxBytes: MB });
    expect(result).toEqual({ ok: false, error: 'the page is larger than 1 MB and was skipped' });
    // Socket buffers let the server run ahead a little, never through the whole 60 MB.
    expect(bytesSent).toBeLessThan(20 * MB);
  });
});
