/**
 * A page's HTML crossing the page port: cut into parts of a bounded length
 * (never inside a surrogate pair) that join to the page, gathered in the
 * background and read once the end has come, and refused past the limit.
 */
import { describe, expect, test } from 'vitest';
import { pageParts, pageReply, receivePage, sendPageSteps } from '../../lib/messaging/page-port';
import { runToEnd } from '../../lib/dom/time-slice';
import type { Payload } from '../../lib/messaging/protocol';
import { portPair } from './fake-port';

describe('pageParts', () => {
  const pieces = ['<!DOCTYPE html>', '<html>', '<head></head>', `<body>${'word '.repeat(50)}`, 'é😀'.repeat(40), '</body></html>'];

  test.each([1, 2, 3, 7, 64, 10_000])('parts of at most %i characters join to the pieces', (partChars) => {
    const parts = pageParts(pieces, partChars);
    expect(parts.join('')).toBe(pieces.join(''));
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(Math.max(partChars, 2));
      // No part ends inside a surrogate pair.
      const last = part.charCodeAt(part.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
    if (partChars >= 10_000) expect(parts).toHaveLength(1);
  });

  test('an empty page is one empty part', () => {
    expect(pageParts([], 10)).toEqual(['']);
  });
});

describe('receivePage', () => {
  const send = (parts: string[], maxChars: number) => {
    const [content, background] = portPair('parallax-page');
    const read: Payload<'extractPage'>[] = [];
    receivePage(background, maxChars, (payload) => {
      read.push(payload);
      return Promise.resolve({ ok: true, value: { ok: false, reason: 'read' } });
    });
    const reply = pageReply(content);
    runToEnd(sendPageSteps(content, parts, { url: 'https://ledger.test/a', anyway: true }));
    return { reply, read };
  };

  test('reads the page once its parts and end have come, and answers on the port', async () => {
    const { reply, read } = send(['<html><body>', 'text', '</body></html>'], 100);
    expect(await reply).toEqual({ ok: true, value: { ok: false, reason: 'read' } });
    expect(read).toEqual([{ html: '<html><body>text</body></html>', url: 'https://ledger.test/a', anyway: true }]);
  });

  test('refuses a page longer than the limit without reading it', async () => {
    const { reply, read } = send(['<html><body>', 'text', '</body></html>'], 20);
    expect(await reply).toMatchObject({ ok: false });
    expect(read).toEqual([]);
  });
});
