import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageFeeds } from './page-feeds';
import { popupRequestType, type CaptureReply } from '../messaging/protocol';
import { ARTICLE_LIMITS } from '../pipeline/config';
import type { ExtractOptions, ExtractResult } from '../extract/extract';
import { deliveredHtmlBytes, pageHomePageRefusal, pageTooLargeReason, textTooLargeReason } from '../extract/page-check';
import { sendMessage } from '../messaging/client';
import { createAnnotator, watchNavigation } from '../annotator/annotator';
import { cardRenderer } from '../../components/card/render-card';
import { serializeSteps } from '../dom/serialize';
import { runSliced, yieldToPage } from '../dom/time-slice';
import { PAGE_PORT_NAME, pageParts, pageReply, sendPageSteps, type PortLike } from '../messaging/page-port';
import type { PageAnnotation, PageStatus, StoreAnywayReply } from '../types';
import { NAVIGATION_SETTLE_MS, PAGE_PART_CHARS, SERIALIZE_PIECE_ELEMENTS, SLICE_BUDGET_MS } from './config';

/** What reading the page gave: the extractor's result, or a page too large to send to be read. */
type PageRead = ExtractResult | { ok: false; reason: string; tooLarge: true };

/** The popup's state for a page whose article was not taken. */
function notTaken(read: Extract<PageRead, { ok: false }>): PageStatus {
  return 'tooLarge' in read
    ? { state: 'too-large', reason: read.reason, canStoreAnyway: false }
    : { state: 'not-article', reason: read.reason, canStoreAnyway: true };
}

/**
 * Sends the page's HTML, in pieces, to the background to be read, in time
 * slices (lib/messaging/page-port.ts); undefined when `cancelled` says so
 * before the last piece has gone.
 */
async function sendPage(
  pieces: readonly string[],
  url: string,
  anyway: boolean,
  cancelled: () => boolean,
): Promise<ExtractResult | undefined> {
  const port = browser.runtime.connect({ name: PAGE_PORT_NAME }) as PortLike;
  const reply = pageReply(port);
  // A read given up leaves its reply unread.
  reply.catch(() => undefined);
  try {
    const parts = pageParts(pieces, PAGE_PART_CHARS);
    const sent = await runSliced(sendPageSteps(port, parts, { url, ...(anyway ? { anyway: true } : {}) }), {
      budgetMs: SLICE_BUDGET_MS,
      cancelled,
    });
    if (sent === undefined) return undefined;
    const result = await reply;
    if (!result.ok) throw new Error(result.error);
    return result.value;
  } finally {
    port.disconnect();
  }
}

/**
 * Sends the page to the background to have its article read (so that the
 * page is not held while it is), hands the article back to store and match,
 * and marks the sentences other outlets also reported. Everything it adds to
 * the page dies with the content script (ctx) or on navigation.
 */
export function startContentScript(ctx: ContentScriptContext, doc: Document = document): void {
  let annotator: ReturnType<typeof createAnnotator> | null = null;
  let run = 0;
  // What became of the page, for the popup.
  let status: PageStatus = { state: 'reading', canStoreAnyway: false };
  const refused = (reply: CaptureReply): PageStatus => ({
    state: reply.status === 'paused' ? 'paused' : 'rejected',
    ...(reply.message !== undefined ? { reason: reply.message } : {}),
    canStoreAnyway: reply.final !== true,
  });

  const clear = (): void => {
    annotator?.destroy();
    annotator = null;
  };

  // Only the latest run may mark the page, and only while the script is alive.
  const show = (current: number, annotation: PageAnnotation | null | undefined): void => {
    if (current !== run || ctx.isInvalid) return;
    clear();
    if (!annotation || annotation.marked.length === 0) return;
    annotator = createAnnotator(doc, annotation, { renderer: cardRenderer, sliceBudgetMs: SLICE_BUDGET_MS });
  };

  /**
   * The article of the page, read in the background from the page's HTML;
   * undefined when another read or a navigation took over meanwhile. A home
   * page is refused here, without sending anything.
   */
  const readPage = async (current: number, options: ExtractOptions = {}): Promise<PageRead | undefined> => {
    const url = doc.location.href;
    const homePage = options.anyway ? undefined : pageHomePageRefusal(doc, url);
    if (homePage !== undefined) return { ok: false, reason: homePage };
    // Bytes of UTF-8 are never fewer than its characters: a page delivered over the limit is over it as text too.
    const delivered = deliveredHtmlBytes(doc.defaultView?.performance);
    if (delivered !== undefined && delivered > ARTICLE_LIMITS.maxPageHtmlChars) {
      return { ok: false, reason: pageTooLargeReason(delivered, 'bytes'), tooLarge: true };
    }
    // Serialised and sent in time slices: the read is given up if another one or a navigation takes over meanwhile.
    const cancelled = (): boolean => current !== run || ctx.isInvalid;
    const pieces = await runSliced(serializeSteps(doc, SERIALIZE_PIECE_ELEMENTS), { budgetMs: SLICE_BUDGET_MS, cancelled });
    if (pieces === undefined) return undefined;
    const length = pieces.reduce((n, piece) => n + piece.length, 0);
    if (length > ARTICLE_LIMITS.maxPageHtmlChars) return { ok: false, reason: pageTooLargeReason(length), tooLarge: true };
    const extracted = await sendPage(pieces, url, options.anyway === true, cancelled);
    return extracted === undefined || cancelled() ? undefined : extracted;
  };

  const annotatePage = async (): Promise<void> => {
    const current = ++run;
    clear();
    status = { state: 'reading', canStoreAnyway: false };
    try {
      // A paused site is not read: no extraction, nothing sent; only what was stored before is shown.
      const { allowed } = await sendMessage('captureAllowed', {});
      if (current !== run || ctx.isInvalid) return;
      if (!allowed) {
        status = { state: 'paused', canStoreAnyway: true };
        return show(current, await sendMessage('annotate', { url: doc.location.href }));
      }
      const extracted = await readPage(current);
      if (extracted === undefined) return;
      if (!extracted.ok) {
        // Not an article, or too large to read: the page is left alone, and the popup can say why.
        status = notTaken(extracted);
        return 'tooLarge' in extracted ? show(current, await sendMessage('annotate', { url: doc.location.href })) : undefined;
      }
      const length = extracted.article.text.length;
      if (length > ARTICLE_LIMITS.maxTextLength) {
        // Never sent: the background would refuse it, and a message that size costs both sides.
        status = { state: 'too-large', reason: textTooLargeReason(length), canStoreAnyway: false };
        return show(current, await sendMessage('annotate', { url: extracted.article.url }));
      }
      const reply = await sendMessage('capture', { article: extracted.article });
      if (current !== run || ctx.isInvalid) return;
      status = reply.status === 'stored' ? { state: 'stored', canStoreAnyway: false } : refused(reply);
      if (reply.status === 'stored') show(current, reply.annotation);
      // Paused or refused: still show what is known about an article stored earlier.
      else show(current, await sendMessage('annotate', { url: extracted.article.url }));
    } catch (error) {
      // The background may be restarting or the extension updated; the page stays as it is.
      if (current === run) status = { state: 'failed', reason: `the page could not be read (${String(error)})`, canStoreAnyway: true };
    }
  };

  /** The reader's "store this page anyway": the same capture, with the article test and the pause passed over. */
  const storeAnyway = async (): Promise<StoreAnywayReply> => {
    const current = ++run;
    const extracted = await readPage(current, { anyway: true });
    if (extracted === undefined) return { stored: false, reason: 'the page changed while it was being read; try again' };
    if (!extracted.ok) {
      if ('tooLarge' in extracted && current === run) status = notTaken(extracted);
      return { stored: false, reason: extracted.reason };
    }
    if (extracted.article.text.length > ARTICLE_LIMITS.maxTextLength) {
      if (current === run)
        status = { state: 'too-large', reason: textTooLargeReason(extracted.article.text.length), canStoreAnyway: false };
      return { stored: false, reason: textTooLargeReason(extracted.article.text.length) };
    }
    const reply = await sendMessage('capture', { article: extracted.article, anyway: true });
    if (reply.status !== 'stored') {
      if (current === run) status = refused(reply);
      return { stored: false, ...(reply.message !== undefined ? { reason: reply.message } : {}) };
    }
    if (current === run) status = { state: 'stored', canStoreAnyway: false };
    show(current, reply.annotation);
    return { stored: true };
  };

  /*
   * The popup asks which feeds the page advertises (read from the page itself,
   * nothing fetched), what became of the page, and to store it anyway. Only
   * the extension's own pages can send to a tab's content script.
   */
  const answerPopup = (message: unknown, sender: { id?: string } | undefined, sendResponse: (reply: unknown) => void): true | undefined => {
    const type = popupRequestType(message);
    if (type === undefined || (sender?.id !== undefined && sender.id !== browser.runtime.id)) return undefined;
    if (type === 'pageFeeds') sendResponse(pageFeeds(doc));
    else if (type === 'pageStatus') sendResponse(status);
    else {
      storeAnyway().then(sendResponse, (error: unknown) =>
        sendResponse({ stored: false, reason: error instanceof Error ? error.message : String(error) }),
      );
    }
    return true;
  };
  let stopWatching: (() => void) | undefined;
  ctx.onInvalidated(() => {
    run++;
    browser.runtime.onMessage.removeListener(answerPopup);
    stopWatching?.();
    clear();
  });

  /*
   * The script's start is one task of the page's (the browser compiling and
   * running it); what it sets up then, each first use of an extension API
   * costing the page some milliseconds, runs in tasks of its own.
   */
  void (async () => {
    await yieldToPage();
    if (ctx.isInvalid) return;
    browser.runtime.onMessage.addListener(answerPopup);
    stopWatching = watchNavigation(window, () => {
      // A read of the page left is cancelled: its address and its text must come from one page.
      run++;
      clear();
      ctx.setTimeout(() => void annotatePage(), NAVIGATION_SETTLE_MS);
    });
    await yieldToPage();
    if (!ctx.isInvalid) void annotatePage();
  })();
}
