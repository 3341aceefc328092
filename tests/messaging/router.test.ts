import { describe, expect, test, vi } from 'vitest';
import { route, type Handlers } from '../../lib/messaging/router';
import { addressFor } from '../../lib/extension/background-handlers';
import { validateArticleInput } from '../../lib/pipeline/validate';

const options = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id' };
const contentScript = { id: 'ext-id', url: 'https://news.example/story', tabId: 3 };
const extensionPage = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };

function handlers(): Handlers {
  const reply = (value: unknown) => vi.fn(async () => value);
  return {
    captureAllowed: reply({ allowed: true }),
    capture: reply({ status: 'stored' }),
    annotate: reply(null),
    pageSummary: reply({ known: false, markedCount: 0, sentenceCount: 0, storyOutlets: [] }),
    search: reply([]),
    getPause: reply({ everywhere: false, hosts: [] }),
    setPause: reply({ everywhere: false, hosts: [] }),
    stats: reply({ articles: 0, sentences: 0, stories: 0, outlets: [] }),
    deleteOutlet: reply({ articles: 0, sentences: 0, stories: 0, outlets: [] }),
    deleteAll: reply({ articles: 0, sentences: 0, stories: 0, outlets: [] }),
  } as unknown as Handlers;
}

const envelope = (type: string, payload: object = {}) => ({ parallax: 1, type, payload });

describe('message routing', () => {
  test.each(['deleteAll', 'deleteOutlet', 'stats', 'search', 'setPause'])('a content script (a web page) may not send %s', async (type) => {
    const h = handlers();
    const result = await route(h, envelope(type), contentScript, options);
    expect(result.ok).toBe(false);
    expect(h[type as keyof Handlers]).not.toHaveBeenCalled();
  });

  test.each(['captureAllowed', 'capture', 'annotate'])('a content script may send %s', async (type) => {
    const result = await route(handlers(), envelope(type, { url: 'https://news.example/story' }), contentScript, options);
    expect(result.ok).toBe(true);
  });

  test('the extension pages may delete', async () => {
    const h = handlers();
    expect((await route(h, envelope('deleteAll'), extensionPage, options)).ok).toBe(true);
    expect(h.deleteAll).toHaveBeenCalledOnce();
  });

  test.each([
    ['another extension', { ...extensionPage, id: 'other' }, envelope('stats')],
    ['a malformed message', extensionPage, { type: 'stats' }],
    ['an unknown type', extensionPage, envelope('format-disk')],
    ['an inherited property name', extensionPage, envelope('toString')],
  ])('refuses %s', async (_label, sender, message) => {
    const result = await route(handlers(), message, sender, options);
    expect(result.ok).toBe(false);
  });

  test('a handler that throws answers with its message', async () => {
    const h = handlers();
    h.stats = async () => {
      throw new Error('the disk is full');
    };
    expect(await route(h, envelope('stats'), extensionPage, options)).toEqual({ ok: false, error: 'the disk is full' });
  });
});

describe('article sent by a page', () => {
  const good = { url: 'https://news.example/a', outlet: 'Example', title: 'T', text: 'Body.' };
  test.each([
    ['no url', { ...good, url: '' }, /no url/],
    ['a script URL', { ...good, url: 'javascript:alert(1)' }, /must start with http/],
    ['a file URL', { ...good, url: 'file:///etc/passwd' }, /must start with http/],
    ['a numeric title', { ...good, title: 5 }, /no title/],
    ['a huge text', { ...good, text: 'x'.repeat(2_000_001) }, /too long/],
  ])('is refused with %s', (_label, input, message) => {
    expect(() => validateArticleInput(input)).toThrow(message);
  });

  test('keeps only known fields', () => {
    expect(validateArticleInput({ ...good, extra: 'x', publishedAt: '2025-01-01T00:00:00Z' })).toEqual({
      ...good,
      url: 'https://news.example/a',
      publishedAt: '2025-01-01T00:00:00Z',
    });
  });
});

describe('the address a page may speak for', () => {
  test.each([
    ['its own canonical URL', 'https://news.example/story?ref=x', 'https://news.example/story', 'https://news.example/story'],
    ['a canonical URL on www. of its site', 'https://news.example/a', 'https://www.news.example/a', 'https://www.news.example/a'],
    ['another site named as canonical', 'https://evil.example/page', 'https://news.example/story', 'https://evil.example/page'],
  ])('a web page with %s', (_label, pageUrl, claimed, expected) => {
    expect(addressFor(claimed, { id: 'ext-id', url: pageUrl, tabId: 1 })).toBe(expected);
  });

  test('the extension pages may name any address', () => {
    expect(addressFor('https://news.example/story', { ...extensionPage, extensionPage: true })).toBe('https://news.example/story');
  });

  test('the router tells handlers whether the sender is an extension page', async () => {
    const h = handlers();
    await route(h, envelope('annotate', { url: 'https://news.example/story' }), contentScript, options);
    expect(h.annotate).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ extensionPage: false }));
  });
});
