/**
 * HTML → article in the background, for the pages the reader opens (the
 * content script sends their HTML, so that the page's main thread is not
 * held by the extraction) and the articles fetched from feeds. A Chrome
 * service worker has no DOMParser: an offscreen document (reason
 * DOM_PARSER) parses the page and runs the extractor. Where the background
 * has a DOM (Firefox's background page), the page is parsed in place.
 */
import { extractArticle, type ExtractOptions, type ExtractResult } from '../extract/extract';
import type { PageExtractor } from './feeds';
import type { OffscreenRequest } from '../messaging/protocol';
import { OFFSCREEN_IDLE_MS } from './config';

export const OFFSCREEN_PATH = 'offscreen.html';

/** Parses with the DOMParser of the current context and extracts the article. */
export function extractWithDomParser(
  html: string,
  url: string,
  options: ExtractOptions = {},
  parser: DOMParser = new DOMParser(),
): ExtractResult {
  const doc = parser.parseFromString(html, 'text/html');
  try {
    // Relative links and metadata resolve against the article's address, not the extension's.
    const base = doc.createElement('base');
    base.href = url;
    if (!doc.querySelector('base[href]')) doc.head?.prepend(base);
  } catch {
    // A page without a head still extracts; only relative addresses suffer.
  }
  return extractArticle(doc, url, options);
}

/** The parts of the `chrome` API the offscreen extractor needs (a fake in tests). */
export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument(): Promise<boolean>;
  closeDocument(): Promise<void>;
  sendMessage(message: OffscreenRequest): Promise<unknown>;
}

/**
 * An extractor that sends pages to the offscreen document, creating it on
 * first use and closing it once no page has come for `idleMs`.
 */
export function createOffscreenExtractor(
  api: OffscreenApi,
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
  idleMs = OFFSCREEN_IDLE_MS,
): PageExtractor {
  let creating: Promise<void> | null = null;
  let closing: Promise<void> | null = null;
  let inFlight = 0;
  let idle: unknown;
  const ensure = async (): Promise<void> => {
    if (closing) await closing;
    if (await api.hasDocument()) return;
    creating ??= api
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['DOM_PARSER'],
        justification: 'Read the article text of the pages the reader opens and of the articles fetched from followed feeds.',
      })
      .catch(async (error: unknown) => {
        // Created meanwhile by another call: only one offscreen document may exist.
        if (!(await api.hasDocument())) throw error;
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  };
  const close = (): void => {
    idle = undefined;
    if (inFlight > 0 || closing) return;
    closing = api
      .hasDocument()
      .then((open) => (open ? api.closeDocument() : undefined))
      // Already closed (by the browser, or another context): nothing to do.
      .catch(() => undefined)
      .finally(() => {
        closing = null;
      });
  };
  return async (html, url, options = {}) => {
    if (idle !== undefined) {
      timers.clear(idle);
      idle = undefined;
    }
    inFlight++;
    try {
      await ensure();
      const reply = await api.sendMessage({
        parallaxOffscreen: 1,
        type: 'extract',
        html,
        url,
        ...(options.anyway ? { anyway: true } : {}),
      });
      if (typeof reply === 'object' && reply !== null && typeof (reply as { ok?: unknown }).ok === 'boolean') {
        return reply as ExtractResult;
      }
      return { ok: false, reason: 'the page could not be read (the offscreen document did not answer)' };
    } finally {
      inFlight--;
      if (inFlight === 0) idle = timers.set(close, idleMs);
    }
  };
}

/** The extractor for this background: DOMParser where there is one, else the offscreen document. */
export function createBackgroundExtractor(api: OffscreenApi | undefined): PageExtractor {
  if (typeof DOMParser !== 'undefined') return async (html, url, options) => extractWithDomParser(html, url, options);
  if (!api) return async () => ({ ok: false, reason: 'this browser cannot read pages in the background' });
  return createOffscreenExtractor(api);
}

/** chrome.offscreen where it exists (Chrome); Firefox's background page parses pages itself. */
export function chromeOffscreenApi(): OffscreenApi | undefined {
  const api = (globalThis as { chrome?: typeof chrome }).chrome;
  if (!api?.offscreen) return undefined;
  const documentUrl = api.runtime.getURL(OFFSCREEN_PATH);
  return {
    createDocument: (parameters) => api.offscreen.createDocument(parameters as chrome.offscreen.CreateParameters),
    hasDocument: async () => {
      const contexts = await api.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
        documentUrls: [documentUrl],
      });
      return contexts.length > 0;
    },
    closeDocument: () => api.offscreen.closeDocument(),
    sendMessage: (message) => api.runtime.sendMessage(message),
  };
}
