import { describe, expect, test } from 'vitest';
import { createOffscreenExtractor, type OffscreenApi } from '../../lib/extension/offscreen';
import type { OffscreenRequest } from '../../lib/messaging/protocol';

/** A fake chrome.offscreen: one document at most, replies with the page's title. */
function createFakeOffscreen(reply: (m: OffscreenRequest) => unknown = (m) => ({ ok: true, article: { title: m.url } })) {
  const log: string[] = [];
  let open = false;
  const api: OffscreenApi = {
    async createDocument() {
      if (open) throw new Error('Only a single offscreen document may be created.');
      await Promise.resolve();
      open = true;
      log.push('create');
    },
    async hasDocument() {
      return open;
    },
    async closeDocument() {
      if (!open) throw new Error('No current offscreen document.');
      open = false;
      log.push('close');
    },
    async sendMessage(m) {
      if (!open) throw new Error('Could not establish connection. Receiving end does not exist.');
      log.push(`extract ${m.url}`);
      return reply(m);
    },
  };
  return { api, log, isOpen: () => open };
}

/** Timers run by hand: `fire()` runs what is pending. */
function createManualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    set: (fn: () => void) => (pending.set(next, fn), next++),
    clear: (h: unknown) => void pending.delete(h as number),
    fire: async () => {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((fn) => fn());
      await new Promise((r) => setTimeout(r, 0));
    },
    pending: () => pending.size,
  };
}

describe('offscreen extractor', () => {
  test('creates one document for pages read at the same time', async () => {
    const fake = createFakeOffscreen();
    const extract = createOffscreenExtractor(fake.api, createManualTimers());
    const results = await Promise.all(['a', 'b', 'c'].map((u) => extract('<p>x</p>', `http://outlet.test/${u}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.log.filter((l) => l === 'create')).toHaveLength(1);
  });

  test('closes the document once pages stop coming, and opens it again for the next one', async () => {
    const fake = createFakeOffscreen();
    const timers = createManualTimers();
    const extract = createOffscreenExtractor(fake.api, timers);
    await extract('<p>x</p>', 'http://outlet.test/a');
    expect(fake.isOpen()).toBe(true);
    await timers.fire();
    expect(fake.isOpen()).toBe(false);
    const again = await extract('<p>x</p>', 'http://outlet.test/b');
    expect(again.ok).toBe(true);
    expect(fake.log).toEqual(['create', 'extract http://outlet.test/a', 'close', 'create', 'extract http://outlet.test/b']);
  });

  test('a page arriving before the idle time keeps the document open', async () => {
    const fake = createFakeOffscreen();
    const timers = createManualTimers();
    const extract = createOffscreenExtractor(fake.api, timers);
    await extract('<p>x</p>', 'http://outlet.test/a');
    await extract('<p>x</p>', 'http://outlet.test/b');
    expect(timers.pending()).toBe(1);
    expect(fake.log.filter((l) => l === 'close')).toHaveLength(0);
  });

  test('a document closed by the browser meanwhile is no error', async () => {
    const fake = createFakeOffscreen();
    const timers = createManualTimers();
    const extract = createOffscreenExtractor(fake.api, timers);
    await extract('<p>x</p>', 'http://outlet.test/a');
    await fake.api.closeDocument();
    await timers.fire();
    expect((await extract('<p>x</p>', 'http://outlet.test/b')).ok).toBe(true);
  });

  test('a reply that is not an extraction result is reported as unreadable', async () => {
    const fake = createFakeOffscreen(() => undefined);
    const extract = createOffscreenExtractor(fake.api, createManualTimers());
    const result = await extract('<p>x</p>', 'http://outlet.test/a');
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/could not be read/) });
  });
});
