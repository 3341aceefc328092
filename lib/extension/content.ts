import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageFeeds } from './page-feeds';
import { popupRequestType, type CaptureReply } from '../messaging/protocol';
import { ARTICLE_LIMITS } from '../pipeline/config';
import { extractSteps } from '../extract/extract';
import { runSliced } from '../dom/time-slice';
import { sendMessage } from '../messaging/client';
import { createAnnotator, watchNavigation } from '../annotator/annotator';
import { cardRenderer } from '../../components/card/render-card';
import type { PageAnnotation, PageStatus, StoreAnywayReply } from '../types';
import { NAVIGATION_SETTLE_MS, SLICE_BUDGET_MS } from './config';

/** The popup's account of a page whose text is over ARTICLE_LIMITS.maxTextLength. */
export function tooLargeMessage(length: number): string {
  return `This page's text is too large to store: ${length.toLocaleString('en')} characters, where Parallax keeps articles of up to ${ARTICLE_LIMITS.maxTextLength.toLocaleString('en')}. It was not stored or compared.`;
}

/**
 * Extracts the article of the page, hands it to the background to store and
 * match, and marks the sentences other outlets also reported. Everything it
 * adds to the page dies with the content script (ctx) or on navigation.
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
   * Reads the article in slices, so a long page is read without holding the reader's page still; undefined
   * when another read or a navigation took over meanwhile.
   */
  const readPage = (current: number, options?: Parameters<typeof extractSteps>[2]) =>
    runSliced(extractSteps(doc, doc.location.href, options), {
      budgetMs: SLICE_BUDGET_MS,
      cancelled: () => current !== run || ctx.isInvalid,
    });

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
        // Not an article: the page is left alone, and the popup can say why.
        status = { state: 'not-article', reason: extracted.reason, canStoreAnyway: true };
        return;
      }
      const length = extracted.article.text.length;
      if (length > ARTICLE_LIMITS.maxTextLength) {
        // Never sent: the background would refuse it, and a message that size costs both sides.
        status = { state: 'too-large', reason: tooLargeMessage(length), canStoreAnyway: false };
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
    if (!extracted.ok) return { stored: false, reason: extracted.reason };
    if (extracted.article.text.length > ARTICLE_LIMITS.maxTextLength) {
      if (current === run) status = { state: 'too-large', reason: tooLargeMessage(extracted.article.text.length), canStoreAnyway: false };
      return { stored: false, reason: tooLargeMessage(extracted.article.text.length) };
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
  browser.runtime.onMessage.addListener(answerPopup);

  const stopWatching = watchNavigation(window, () => {
    // A read of the page left is cancelled: its address and its text must come from one page.
    run++;
    clear();
    ctx.setTimeout(() => void annotatePage(), NAVIGATION_SETTLE_MS);
  });
  ctx.onInvalidated(() => {
    run++;
    browser.runtime.onMessage.removeListener(answerPopup);
    stopWatching();
    clear();
  });
  void annotatePage();
}
