/**
 * How the content script sends its page's HTML to be read (`extractPage`)
 * without holding the page: one message of a page's whole HTML costs the
 * page's main thread about 0.1 ms a kilobyte to hand to the browser (75–115 ms
 * for a 900 kB page on a loaded machine), so the HTML goes in parts over a
 * port of its own, each part in a task of its own, and the background reads
 * the page once the last has come. The port's parts die with it: nothing is
 * kept once it closes.
 */
import type { ExtractResult } from '../extract/extract';
import type { Steps } from '../dom/time-slice';
import type { Payload, Result } from './protocol';

/** The name of the ports that carry a page. */
export const PAGE_PORT_NAME = 'parallax-page';

/** What crosses the port, content script to background: parts of the HTML in order, then the page's address. */
export type PagePortMessage = { part: string } | { end: true; url: string; anyway?: boolean };

/** The part of a browser's runtime port used here (`browser.runtime.Port`). */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

/**
 * The pieces cut or joined into parts of at most `partChars` characters
 * (a piece longer than that is cut, never between the two halves of a
 * surrogate pair, which a message would not carry whole).
 */
export function pageParts(pieces: readonly string[], partChars: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces) {
    let rest = piece;
    while (current.length + rest.length > partChars) {
      let cut = partChars - current.length;
      const before = rest.charCodeAt(cut - 1);
      if (cut > 0 && before >= 0xd800 && before <= 0xdbff) cut--;
      // Only with parts of one character: the pair goes whole.
      if (cut === 0 && current.length === 0) cut = 2;
      parts.push(current + rest.slice(0, cut));
      current = '';
      rest = rest.slice(cut);
    }
    current += rest;
  }
  if (current.length > 0 || parts.length === 0) parts.push(current);
  return parts;
}

/** Sends the parts and then the end over `port`, one message a step (lib/dom/time-slice.ts); true once all have gone. */
export function* sendPageSteps(port: PortLike, parts: readonly string[], end: Omit<Payload<'extractPage'>, 'html'>): Steps<true> {
  for (const part of parts) {
    port.postMessage({ part } satisfies PagePortMessage);
    yield;
  }
  port.postMessage({ end: true, url: end.url, ...(end.anyway ? { anyway: true } : {}) } satisfies PagePortMessage);
  return true;
}

/** The background's one reply on the port, or an Error if the port closed without one. */
export function pageReply(port: PortLike): Promise<Result<ExtractResult>> {
  return new Promise((resolve, reject) => {
    port.onMessage.addListener((message) => resolve(message as Result<ExtractResult>));
    port.onDisconnect.addListener(() => reject(new Error('The Parallax background did not answer.')));
  });
}

/**
 * The background's side of one port: gathers the parts, at most `maxChars`
 * characters of them (more closes the port), and at the end answers with
 * what `read` gives for the whole page, then closes the port.
 */
export function receivePage(
  port: PortLike,
  maxChars: number,
  read: (payload: Payload<'extractPage'>) => Promise<Result<ExtractResult>>,
): void {
  const parts: string[] = [];
  let chars = 0;
  let done = false;
  const finish = (reply: Result<ExtractResult>): void => {
    done = true;
    parts.length = 0;
    try {
      port.postMessage(reply);
      port.disconnect();
    } catch {
      // The page went away meanwhile.
    }
  };
  port.onMessage.addListener((message) => {
    if (done) return;
    const m = message as Partial<{ part: unknown; end: unknown; url: unknown; anyway: unknown }> | null;
    if (typeof m?.part === 'string') {
      chars += m.part.length;
      if (chars > maxChars) return finish({ ok: false, error: 'the page sent more HTML than Parallax reads' });
      parts.push(m.part);
      return;
    }
    if (m?.end !== true || typeof m.url !== 'string') return finish({ ok: false, error: 'not a Parallax page message' });
    const html = parts.join('');
    parts.length = 0;
    void read({ html, url: m.url, ...(m.anyway === true ? { anyway: true } : {}) }).then(finish, (error: unknown) =>
      finish({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  port.onDisconnect.addListener(() => {
    done = true;
    parts.length = 0;
  });
}
