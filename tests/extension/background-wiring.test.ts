/**
 * The background's wiring, with WXT's fake browser standing in for the
 * extension APIs and fake-indexeddb for the store: messages reach the
 * handlers through the router, the toolbar badge follows a tab's captures,
 * the feed alarm is set, and the welcome page opens once, on install.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb } from '../../lib/db/db';
import { FEED_ALARM } from '../../lib/extension/feeds-alarm';
import type { CaptureReply, Envelope, MessageType, Payload, Result } from '../../lib/messaging/protocol';
import type { ArticleInput } from '../../lib/types';
import { BRIDGE } from '../corpus/fixtures';
import { PAGE_PORT_NAME, pageParts, pageReply, sendPageSteps } from '../../lib/messaging/page-port';
import { runToEnd } from '../../lib/dom/time-slice';
import { fakeRuntimePorts } from '../messaging/fake-port';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { startBackground } = await import('../../lib/extension/background');

const [, SHORT_LEDGER, SHORT_COURIER] = BRIDGE as [ArticleInput, ArticleInput, ArticleInput];
// The background refuses pages too short to compare; each report gets a paragraph of its own.
const LEDGER: ArticleInput = {
  ...SHORT_LEDGER,
  text: `${SHORT_LEDGER.text}\n\nShopkeepers on the north bank said they expected a quiet spring, and several planned to open later on weekdays until the work ends. The council's transport committee will review the ferry timetable after the first fortnight, its chair told residents at a meeting in the town hall on Thursday evening.`,
};
const COURIER: ArticleInput = {
  ...SHORT_COURIER,
  text: `${SHORT_COURIER.text}\n\nCyclists will be allowed to wheel their bicycles onto the ferries at no charge, and the bus company is adding two extra routes around the harbour. A group of residents has asked for the night buses to run every half hour, saying that shift workers at the hospital would otherwise be stranded.`,
};

interface Sender {
  id?: string;
  url?: string;
  tab?: { id: number };
}

/** Sends `message` as the browser would deliver it to the background, and waits for its answer. */
async function deliver(message: unknown, sender: Sender): Promise<Result<unknown> | undefined> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
  return new Promise((resolve) => {
    let answered = false;
    void trigger(message, sender, (reply: unknown) => {
      answered = true;
      resolve(reply as Result<unknown>);
    }).then((returned) => {
      // A listener that does not answer (returns undefined) leaves the message to others.
      if (!answered && Array.isArray(returned) && returned.every((r) => r !== true)) resolve(undefined);
    });
  });
}

const envelope = <T extends MessageType>(type: T, payload: Payload<T>): Envelope<T> => ({ parallax: 1, type, payload });
const fromTab = (url: string, tabId: number): Sender => ({ id: fakeBrowser.runtime.id, url, tab: { id: tabId } });

// Ports, which WXT's fake browser lacks.
let ports = fakeRuntimePorts();

beforeEach(() => {
  fakeBrowser.reset();
  ports = fakeRuntimePorts();
  (fakeBrowser.runtime as unknown as { onConnect: typeof ports.onConnect }).onConnect = ports.onConnect;
  startBackground(createDb(`bg-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
});

afterEach(() => {
  fakeBrowser.reset();
});

describe('the background', () => {
  test("routes a tab's capture to the store, and the tab's badge counts its marked sentences", async () => {
    const first = (await deliver(envelope('capture', { article: COURIER }), fromTab(COURIER.url, 3))) as Result<CaptureReply>;
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true, value: { status: 'stored' } });
    const second = (await deliver(envelope('capture', { article: LEDGER }), fromTab(LEDGER.url, 7))) as Result<CaptureReply>;
    expect(second.ok).toBe(true);
    const marked = second.ok ? (second.value.annotation?.marked.length ?? 0) : 0;
    expect(marked).toBeGreaterThan(0);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(String(marked)));
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toMatch(new RegExp(`${marked} sentences? reported by other outlets`));
  });

  test('refuses messages from other extensions and, from web pages, anything but the content script messages', async () => {
    expect(await deliver(envelope('stats', {}), { id: 'someone-else' })).toMatchObject({ ok: false });
    expect(await deliver(envelope('deleteAll', {}), fromTab('https://ledger.example/x', 1))).toMatchObject({ ok: false });
  });

  test('a page refused as too short, or on a paused site, is stored and matched when the reader asks to store it anyway', async () => {
    const capture = async (article: ArticleInput, anyway?: boolean): Promise<CaptureReply> => {
      const reply = (await deliver(
        envelope('capture', anyway ? { article, anyway } : { article }),
        fromTab(article.url, 4),
      )) as Result<CaptureReply>;
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    };
    expect(await capture(COURIER)).toMatchObject({ status: 'stored' });
    const refused = await capture(SHORT_LEDGER);
    expect(refused).toMatchObject({ status: 'rejected', message: expect.stringMatching(/too short/) });
    expect(refused.final).toBeUndefined();
    const stored = await capture(SHORT_LEDGER, true);
    expect(stored.status).toBe('stored');
    // Matched like any capture: the claims it shares with the other outlet are marked.
    expect(stored.annotation?.marked.length ?? 0).toBeGreaterThan(0);

    const options = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    await deliver(envelope('setPause', { scope: 'site', host: new URL(SHORT_COURIER.url).hostname, paused: true }), options);
    expect(await capture({ ...SHORT_COURIER, url: `${SHORT_COURIER.url}-later` })).toMatchObject({ status: 'paused' });
    expect(await capture({ ...SHORT_COURIER, url: `${SHORT_COURIER.url}-later` }, true)).toMatchObject({ status: 'stored' });

    const found = (await deliver(envelope('search', { query: 'residents complained about little warning' }), options)) as Result<
      { hits: { outlet: string; text: string }[] }[]
    >;
    const hits = found.ok ? found.value.flatMap((g) => g.hits) : [];
    expect(hits.some((h) => h.outlet === SHORT_LEDGER.outlet && h.text.includes('little warning'))).toBe(true);
  });

  test('storing anyway still refuses, with the reason, a page naming another site as its address or too large to store', async () => {
    const tab = fromTab('https://ledger.example/city/bridge', 5);
    const elsewhere = (await deliver(
      envelope('capture', { article: { ...LEDGER, url: 'https://courier.example/city/bridge' }, anyway: true }),
      tab,
    )) as Result<CaptureReply>;
    expect(elsewhere).toMatchObject({
      ok: true,
      value: { status: 'rejected', final: true, message: expect.stringMatching(/another site/) },
    });
    const huge = (await deliver(
      envelope('capture', {
        article: { ...LEDGER, url: 'https://ledger.example/city/bridge', text: 'Words. '.repeat(400_000) },
        anyway: true,
      }),
      tab,
    )) as Result<CaptureReply>;
    expect(huge).toMatchObject({
      ok: true,
      value: { status: 'rejected', final: true, message: expect.stringMatching(/too long to store/) },
    });
    const stats = (await deliver(envelope('stats', {}), {
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL('/options.html'),
    })) as Result<{
      articles: number;
    }>;
    expect(stats).toMatchObject({ ok: true, value: { articles: 0 } });
  });

  test("a tab's page sent in parts over a port is answered as the same page sent in one message", async () => {
    const html = `<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1><p>${LEDGER.text}</p></article></body></html>`;
    const url = LEDGER.url;
    const sendOverPort = async (sender: Sender): Promise<unknown> => {
      const page = fakeRuntimePorts(sender);
      page.onConnect.addListener((port) => ports.onConnect.fire(port));
      const port = page.connect({ name: PAGE_PORT_NAME });
      const reply = pageReply(port);
      runToEnd(sendPageSteps(port, pageParts([html], 40), { url }));
      return reply;
    };
    const inOne = await deliver(envelope('extractPage', { html, url }), fromTab(url, 4));
    expect(inOne).toBeDefined();
    expect(await sendOverPort(fromTab(url, 5))).toEqual(inOne);
    // The router's checks hold: another extension's port is refused.
    expect(await sendOverPort({ id: 'someone-else', url, tab: { id: 6 } })).toMatchObject({ ok: false });
  });

  test('leaves the offscreen document’s messages alone', async () => {
    expect(
      await deliver({ parallaxOffscreen: 1, type: 'extract', html: '', url: 'https://x.example/' }, { id: fakeBrowser.runtime.id }),
    ).toBeUndefined();
  });

  test('sets no feed alarm while no feed is followed (nothing is fetched before the reader follows something)', async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(await fakeBrowser.alarms.get(FEED_ALARM)).toBeUndefined();
  });

  test('following a feed from the options page sets the feed alarm', async () => {
    const options = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    const reply = await deliver(envelope('followFeed', { url: 'https://ledger.example/feed.xml', outlet: 'The Daily Ledger' }), options);
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(FEED_ALARM)).toBeDefined());
  });

  test('opens the welcome page on install, not on update', async () => {
    const tabs = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url ?? '');
    const before = (await tabs()).length;
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1', temporary: false } as never);
    await new Promise((r) => setTimeout(r, 20));
    expect(await tabs()).toHaveLength(before);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    await vi.waitFor(async () => expect((await tabs()).some((u) => u.endsWith('/welcome.html'))).toBe(true));
  });

  test('keeps the store to the budget set on the options page, kept in the extension storage, with the use the browser reports', async () => {
    fakeBrowser.reset();
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 120 * 1024 * 1024, quota: 4096 * 1024 * 1024 }) } });
    try {
      startBackground(createDb(`bg-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
      const options = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
      expect(await deliver(envelope('stats', {}), options)).toMatchObject({
        ok: true,
        value: { usage: 120 * 1024 * 1024, budget: 500 * 1024 * 1024 },
      });
      expect(await deliver(envelope('setBudget', { bytes: 100 * 1024 * 1024 }), options)).toMatchObject({
        ok: true,
        value: { budget: 100 * 1024 * 1024 },
      });
      expect(await fakeBrowser.storage.local.get('parallax.storeBudget')).toEqual({ 'parallax.storeBudget': 100 * 1024 * 1024 });
      const reply = (await deliver(envelope('capture', { article: COURIER }), fromTab(COURIER.url, 3))) as Result<CaptureReply>;
      expect(reply).toMatchObject({
        ok: true,
        value: { status: 'rejected', message: expect.stringMatching(/store is full: it uses 120 MB of the 100 MB you allowed/) },
      });
      // A web page may not change the budget.
      expect(await deliver(envelope('setBudget', { bytes: 10_000 * 1024 * 1024 }), fromTab(COURIER.url, 3))).toMatchObject({ ok: false });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
