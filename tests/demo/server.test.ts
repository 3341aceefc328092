import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_ARTICLES, DEMO_OUTLETS } from '../../demo/corpus';
import { renderSeedSites } from '../../demo/seed-pages';
import { startCorpusServer, type CorpusServer } from '../../demo/server';

let server: CorpusServer;

beforeAll(async () => {
  server = await startCorpusServer({
    extraSites: { 'memory.test': { '/': '<p>memory home</p>', '/story': '<p>memory story</p>' } },
  });
});
afterAll(async () => {
  await server.close();
});

function get(host: string, urlPath: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: urlPath, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test.each(DEMO_ARTICLES)('serves $host$path as HTML under its own host', async (a) => {
  const res = await get(`${a.host}:${server.port}`, a.path);
  expect(res.status).toBe(200);
  expect(res.type).toMatch(/^text\/html/);
  expect(res.body).toContain(a.title.slice(0, 30));
});

test('the same path on two hosts gives each outlet its own page', async () => {
  const [ledger, gazette] = await Promise.all([get('dailyledger.test', '/'), get('northgazette.test', '/')]);
  expect(ledger.body).toContain('The Daily Ledger');
  expect(gazette.body).toContain('The North Gazette');
  expect(ledger.body).not.toBe(gazette.body);
});

test.each([
  { what: 'an unknown page', host: 'dailyledger.test', path: '/no-such-story' },
  { what: 'an unknown host', host: 'nowhere.test', path: '/' },
  { what: 'a path leaving the host folder', host: 'dailyledger.test', path: '/../northgazette.test/index' },
  { what: 'an encoded path leaving the host folder', host: 'dailyledger.test', path: '/..%2Fnorthgazette.test%2Findex' },
  { what: 'a host header that is not a host name', host: '../demo', path: '/' },
])('answers 404 for $what', async ({ host, path: p }) => {
  const res = await get(host, p);
  expect(res.status).toBe(404);
  expect(res.type).toMatch(/^text\/html/);
  expect(res.body).toContain('Page not found');
});

test('serves in-memory pages for extra hosts', async () => {
  expect((await get('memory.test', '/')).body).toContain('memory home');
  expect((await get('memory.test', '/story')).body).toContain('memory story');
  expect((await get('memory.test', '/other')).status).toBe(404);
});

test('gives each host an origin on the server port', async () => {
  expect(server.origin('dailyledger.test')).toBe(`http://dailyledger.test:${server.port}`);
  expect(DEMO_OUTLETS.every((o) => o.host.endsWith('.test'))).toBe(true);
});

test('seed files become one article page per outlet host, dated January 2020', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-seeds-'));
  try {
    writeFileSync(path.join(dir, 'a.txt'), 'English / French\nHarbour board approves new ferry timetable\n\nFirst paragraph.\n\nSecond <b>paragraph</b>.\n');
    writeFileSync(path.join(dir, 'b.txt'), 'Ferry operators welcome the new timetable\nOnly paragraph.\n');
    const { hosts, sites } = renderSeedSites(dir);
    expect(hosts).toHaveLength(2);
    expect(new Set(hosts).size).toBe(2);
    for (const host of hosts) expect(host).toMatch(/^seed-[a-z0-9-]+\.test$/);
    const pages = Object.entries(sites[hosts[0] ?? ''] ?? {}).filter(([p]) => p !== '/');
    expect(pages).toHaveLength(1);
    const html = pages[0]?.[1] ?? '';
    expect(html).toContain('<h1>Harbour board approves new ferry timetable</h1>');
    expect(html).toContain('<p>First paragraph.</p>');
    expect(html).toContain('<p>Second &#60;b&#62;paragraph&#60;/b&#62;.</p>');
    expect(html).toMatch(/"datePublished":"2020-01-/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
