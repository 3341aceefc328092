// @vitest-environment happy-dom
/**
 * The content script's wiring, with WXT's fake browser standing in for the
 * extension APIs: what it sends the background for an article, a paused site
 * and a page that is not an article, how it answers the popup, and that it
 * stops answering once its context is invalidated.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Envelope, MessageType } from '../../lib/messaging/protocol';
import { PAGE_FEEDS_REQUEST, PAGE_STATUS_REQUEST, STORE_ANYWAY_REQUEST } from '../../lib/messaging/protocol';
import { ARTICLE_LIMITS } from '../../lib/pipeline/config';
import { extractFromHtml } from '../../lib/extract/from-html';
import { receivePage } from '../../lib/messaging/page-port';
import { serializePage } from '../../lib/dom/serialize';
import { fakeRuntimePorts } from '../messaging/fake-port';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { startContentScript } = await import('../../lib/extension/content');

const readPage = ({ html, url, anyway }: { html: string; url: string; anyway?: boolean }) =>
  extractFromHtml(html, url, anyway ? { anyway: true } : {});

const PARAGRAPHS = [
  'The harbour bridge will close for six weeks from Monday while engineers replace its cracked deck plates, the city council said on Friday.',
  'About 55,000 vehicles cross the bridge every day, and the council expects queues on the ring road during the morning and evening peaks.',
  'Ferries will run every twenty minutes between the two piers, and the fare will be waived for the length of the closure, officials said.',
  'Inspectors found the cracks during a routine survey in March, and a second survey in May showed that two of them had grown longer.',
  'Local traders said they feared losing customers, while the council promised a support fund for shops within a kilometre of the bridge.',
  'The work is expected to cost about 12 million pounds, most of it paid by the national roads agency under its bridge repair programme.',
];

const ARTICLE = `<header><nav>Home · City · Transport</nav></header>
<main><article><h1>Harbour bridge to close for six weeks</h1>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</article></main><footer>© The Daily Ledger</footer>`;

interface FakeContext {
  ctx: ContentScriptContext;
  invalidate(): void;
}

function fakeContext(): FakeContext {
  const callbacks: (() => void)[] = [];
  let invalid = false;
  const ctx = {
    get isInvalid() {
      return invalid;
    },
    setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
    onInvalidated: (fn: () => void) => callbacks.push(fn),
  } as unknown as ContentScriptContext;
  return {
    ctx,
    invalidate: () => {
      invalid = true;
      for (const fn of callbacks) fn();
    },
  };
}

/**
 * A background that answers the content script's messages and records what it was sent; it reads pages with the
 * Node extractor. A page comes in parts over a port, and is recorded as one `extractPage` message once whole.
 */
function fakeBackground(options: { allowed?: boolean; capture?: (payload: { anyway?: boolean }) => unknown } = {}) {
  const sent: { type: MessageType; payload: unknown }[] = [];
  const ports = fakeRuntimePorts({ id: fakeBrowser.runtime.id, url: document.location.href });
  (fakeBrowser.runtime as unknown as { connect: typeof ports.connect }).connect = ports.connect;
  ports.onConnect.addListener((port) =>
    receivePage(port, ARTICLE_LIMITS.maxPageHtmlChars, (payload) => {
      sent.push({ type: 'extractPage', payload });
      return Promise.resolve({ ok: true, value: readPage(payload) });
    }),
  );
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as Envelope;
    if (m?.parallax !== 1 || !('payload' in m)) return undefined;
    sent.push({ type: m.type, payload: m.payload });
    const value =
      m.type === 'captureAllowed'
        ? { allowed: options.allowed ?? true }
        : m.type === 'extractPage'
          ? readPage(m.payload as { html: string; url: string; anyway?: boolean })
          : m.type === 'capture'
            ? (options.capture?.(m.payload as { anyway?: boolean }) ?? { status: 'stored', annotation: null })
            : m.type === 'annotate'
              ? null
              : undefined;
    return Promise.resolve({ ok: true, value });
  });
  return sent;
}

/** Asks the content script as the popup does (tabs.sendMessage: a sendResponse callback); its answers. */
async function askPopup(request: unknown): Promise<unknown[]> {
  const answers: unknown[] = [];
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
  await trigger(request, { id: fakeBrowser.runtime.id }, (reply: unknown) => answers.push(reply));
  // The page is read in time slices: a long one answers after many of them.
  for (let i = 0; i < 1000 && answers.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  return answers;
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 5));
};

beforeEach(() => {
  fakeBrowser.reset();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://ledger.test/city/harbour-bridge-closure');
  document.head.innerHTML =
    '<title>Harbour bridge to close</title><link rel="alternate" type="application/rss+xml" title="Ledger feed" href="/feed.xml">';
  document.body.innerHTML = ARTICLE;
});

afterEach(() => {
  fakeBrowser.reset();
});

describe('the content script', () => {
  test('on an article: asks whether the site may be read, sends the page to be read, then the article to be stored', async () => {
    const sent = fakeBackground();
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'extractPage', 'capture']);
    const page = sent[1]!.payload as { html: string; url: string };
    expect(page.url).toBe(document.location.href);
    expect(page.html).toBe(serializePage(document));
    expect(page.html).toContain('55,000 vehicles');
    const article = (sent[2]!.payload as { article: { title: string; text: string; url: string } }).article;
    expect(article.title).toContain('Harbour bridge');
    expect(article.text).toContain('55,000 vehicles');
    expect(article.text).not.toContain('Home · City');
    expect(article.url).toBe(document.location.href);
    invalidate();
  });

  test('on a paused site: extracts and sends nothing, only asks what was stored before', async () => {
    const sent = fakeBackground({ allowed: false });
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'annotate']);
    invalidate();
  });

  test('on a page that is not an article: sends nothing to be stored', async () => {
    document.body.innerHTML = '<nav><a href="/a">World</a> <a href="/b">Sport</a></nav><p>Sign in to continue.</p>';
    const sent = fakeBackground();
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'extractPage']);
    invalidate();
  });

  test("on a site's home page that does not declare itself an article: sends nothing to be read, and says why", async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://ledger.test/');
    const sent = fakeBackground();
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['captureAllowed']);
    expect(await askPopup(PAGE_STATUS_REQUEST)).toEqual([
      { state: 'not-article', reason: 'a home page, not an article (it does not declare itself an article)', canStoreAnyway: true },
    ]);
    invalidate();
  });

  test('on a page that is not an article: tells the popup why, and stores it when the reader asks', async () => {
    document.body.innerHTML =
      '<main><h1>Opening hours</h1><p>The library is open from nine until five on weekdays, and from ten until four on Saturdays.</p><p>It is closed on Sundays.</p></main>';
    const sent = fakeBackground();
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    const status = (await askPopup(PAGE_STATUS_REQUEST))[0] as { state: string; reason: string; canStoreAnyway: boolean };
    expect(status).toMatchObject({ state: 'not-article', canStoreAnyway: true });
    expect(status.reason).toMatch(/^not an article: too little text/);

    const answer = await askPopup(STORE_ANYWAY_REQUEST);
    expect(answer).toEqual([{ stored: true }]);
    const capture = sent.find((m) => m.type === 'capture')!.payload as { article: { text: string }; anyway: boolean };
    expect(capture.anyway).toBe(true);
    expect(capture.article.text).toContain('open from nine until five');
    expect(await askPopup(PAGE_STATUS_REQUEST)).toEqual([{ state: 'stored', canStoreAnyway: false }]);
    invalidate();
  });

  test('on a paused site: tells the popup it is paused; storing anyway extracts and sends the page', async () => {
    const sent = fakeBackground({ allowed: false });
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    expect(await askPopup(PAGE_STATUS_REQUEST)).toEqual([{ state: 'paused', canStoreAnyway: true }]);
    expect(await askPopup(STORE_ANYWAY_REQUEST)).toEqual([{ stored: true }]);
    expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'annotate', 'extractPage', 'capture']);
    expect((sent[2]!.payload as { anyway?: boolean }).anyway).toBe(true);
    invalidate();
  });

  test("the page cannot ask to be stored anyway: not by window messages or events, nor through another extension's message", async () => {
    document.body.innerHTML =
      '<main><h1>Opening hours</h1><p>The library is open from nine until five on weekdays.</p><p>It is closed on Sundays.</p></main>';
    const sent = fakeBackground();
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    // What a page's own script can do: post the popup's request to itself, fire it as an event.
    window.postMessage(STORE_ANYWAY_REQUEST, '*');
    document.dispatchEvent(new CustomEvent('message', { detail: STORE_ANYWAY_REQUEST }));
    await settle();
    // A message sent by another extension is not the popup's.
    const answers: unknown[] = [];
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
    await trigger(STORE_ANYWAY_REQUEST, { id: 'another-extension' }, (reply: unknown) => answers.push(reply));
    await settle();
    expect(answers).toEqual([]);
    expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'extractPage']);
    // The popup itself still can.
    expect(await askPopup(STORE_ANYWAY_REQUEST)).toEqual([{ stored: true }]);
    expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'extractPage', 'extractPage', 'capture']);
    invalidate();
  });

  test('a refusal the reader cannot override is passed on, and no second offer is made', async () => {
    const reason = 'the page gives an address on another site (other.test) as its own';
    fakeBackground({
      capture: (payload) =>
        payload.anyway ? { status: 'rejected', message: reason, final: true } : { status: 'rejected', message: 'the article is in French' },
    });
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    expect(await askPopup(PAGE_STATUS_REQUEST)).toEqual([{ state: 'rejected', reason: 'the article is in French', canStoreAnyway: true }]);
    expect(await askPopup(STORE_ANYWAY_REQUEST)).toEqual([{ stored: false, reason }]);
    expect(await askPopup(PAGE_STATUS_REQUEST)).toEqual([{ state: 'rejected', reason, canStoreAnyway: false }]);
    invalidate();
  });

  test('answers the popup with the feeds the page advertises, and stops answering once invalidated', async () => {
    fakeBackground();
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    // The page is asked the way Chrome asks it: with a sendResponse callback.
    const ask = async (): Promise<unknown[]> => {
      const answers: unknown[] = [];
      const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
      await trigger(PAGE_FEEDS_REQUEST, {}, (reply: unknown) => answers.push(reply));
      return answers;
    };
    expect(await ask()).toEqual([[expect.objectContaining({ url: 'https://ledger.test/feed.xml', title: 'Ledger feed' })]]);
    invalidate();
    expect(await ask()).toEqual([]);
  });

  test("answers the popup with what became of the page's capture: the background's refusal, word for word", async () => {
    const message = 'This tab opened more than 10 articles in a minute.';
    fakeBackground({ capture: () => ({ status: 'rejected', message }) });
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await settle();
    expect(await askPopup(PAGE_STATUS_REQUEST)).toEqual([{ state: 'rejected', reason: message, canStoreAnyway: true }]);
    invalidate();
  });
});

describe('a page whose text is over the length Parallax stores', () => {
  test('is not sent to be stored; the popup is told it is too large', async () => {
    // Some 2.3 million characters of prose: over ARTICLE_LIMITS.maxTextLength.
    const body = Array.from({ length: 2_700 }, (_, i) => `<p>${PARAGRAPHS.join(' ')} (${i})</p>`).join('');
    document.body.innerHTML = `<main><article><h1>Harbour bridge to close for six weeks</h1>${body}</article></main>`;
    const sent = fakeBackground();
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'extractPage', 'annotate']), { timeout: 20_000 });
    const [state] = (await askPopup(PAGE_STATUS_REQUEST)) as [{ state: string; reason: string; canStoreAnyway: boolean }];
    expect(state.state).toBe('too-large');
    expect(state.canStoreAnyway).toBe(false);
    expect(state.reason).toMatch(
      /^This page's text is too large to store: 2,\d{3},\d{3} characters, where Parallax keeps articles of up to 2,000,000\./,
    );
    expect(Number(state.reason.match(/([\d,]+) characters/)?.[1]?.replace(/,/g, ''))).toBeGreaterThan(ARTICLE_LIMITS.maxTextLength);
    // Storing anyway does not send it to be stored either.
    expect(await askPopup(STORE_ANYWAY_REQUEST)).toEqual([{ stored: false, reason: state.reason }]);
    expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'extractPage', 'annotate', 'extractPage']);
    invalidate();
  }, 30_000);
});

describe('a page whose HTML is over the length Parallax reads', () => {
  test('as the browser received it: is turned away before it is serialised', async () => {
    const spy = vi
      .spyOn(window.performance, 'getEntriesByType')
      .mockImplementation((type: string) =>
        type === 'navigation' ? ([{ decodedBodySize: 19_000_000 }] as unknown as PerformanceEntryList) : [],
      );
    const outerHTML = vi.spyOn(document.documentElement, 'outerHTML', 'get');
    const sent = fakeBackground();
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'annotate']));
    const [state] = (await askPopup(PAGE_STATUS_REQUEST)) as [{ state: string; reason: string }];
    expect(state).toMatchObject({ state: 'too-large' });
    expect(state.reason).toMatch(/^This page is too large to read: 19,000,000 bytes of HTML/);
    expect(outerHTML).not.toHaveBeenCalled();
    spy.mockRestore();
    outerHTML.mockRestore();
    invalidate();
  });

  test('is not sent to be read; the popup is told it is too large, and what was stored of it before is still asked for', async () => {
    const article = document.querySelector('article')!;
    article.append(document.createTextNode('x'.repeat(ARTICLE_LIMITS.maxPageHtmlChars)));
    const sent = fakeBackground();
    const { ctx, invalidate } = fakeContext();
    startContentScript(ctx, document);
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'annotate']), { timeout: 20_000 });
    const [state] = (await askPopup(PAGE_STATUS_REQUEST)) as [{ state: string; reason: string; canStoreAnyway: boolean }];
    expect(state).toMatchObject({ state: 'too-large', canStoreAnyway: false });
    expect(state.reason).toMatch(
      /^This page is too large to read: 8,0\d{2},\d{3} characters of HTML, where Parallax reads pages of up to 8,000,000 characters\./,
    );
    expect(await askPopup(STORE_ANYWAY_REQUEST)).toEqual([{ stored: false, reason: state.reason }]);
    expect(sent.map((m) => m.type)).toEqual(['captureAllowed', 'annotate']);
    invalidate();
  }, 30_000);
});
