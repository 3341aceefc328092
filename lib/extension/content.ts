import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageFeeds } from './page-feeds';
import { isPageFeedsRequest, isPageStateRequest, type PageCaptureState } from '../messaging/protocol';
import { ARTICLE_LIMITS } from '../pipeline/config';
import { extractArticle } from '../extract/extract';
import { sendMessage } from '../messaging/client';
import { createAnnotator, watchNavigation } from '../annotator/annotator';
import { cardRenderer } from '../../components/card/render-card';
import type { PageAnnotation } from '../types';

// SPA pages render their next article after the URL changes; give them a moment.
const NAVIGATION_SETTLE_MS = 600;

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
  // What became of this page's capture, for the popup.
  let state: PageCaptureState | null = null;

  const clear = (): void => {
    annotator?.destroy();
    annotator = null;
  };

  // Only the latest run may mark the page, and only while the script is alive.
  const show = (current: number, annotation: PageAnnotation | null | undefined): void => {
    if (current !== run || ctx.isInvalid) return;
    clear();
    if (!annotation || annotation.marked.length === 0) return;
    annotator = createAnnotator(doc, annotation, { renderer: cardRenderer });
  };

  const annotatePage = async (): Promise<void> => {
    const current = ++run;
    clear();
    state = null;
    try {
      // A paused site is not read: no extraction, nothing sent; only what was stored before is shown.
      const { allowed } = await sendMessage('captureAllowed', {});
      if (current !== run || ctx.isInvalid) return;
      if (!allowed) {
        state = { status: 'paused' };
        return show(current, await sendMessage('annotate', { url: doc.location.href }));
      }
      const extracted = extractArticle(doc, doc.location.href);
      if (!extracted.ok) {
        state = { status: 'not-article', message: extracted.reason };
        return; // not an article: the page is left alone
      }
      const length = extracted.article.text.length;
      if (length > ARTICLE_LIMITS.maxTextLength) {
        // Never sent: the background would refuse it, and a message that size costs both sides.
        state = { status: 'too-large', message: tooLargeMessage(length) };
        return show(current, await sendMessage('annotate', { url: extracted.article.url }));
      }
      const reply = await sendMessage('capture', { article: extracted.article });
      if (current !== run || ctx.isInvalid) return;
      state = { status: reply.status, ...(reply.message ? { message: reply.message } : {}) };
      if (reply.status === 'stored') show(current, reply.annotation);
      // Paused or refused: still show what is known about an article stored earlier.
      else show(current, await sendMessage('annotate', { url: extracted.article.url }));
    } catch {
      // The background may be restarting or the extension updated; the page stays as it is.
    }
  };

  // The popup asks which feeds the page advertises: read from the page itself, nothing fetched.
  const answerPopup = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): true | undefined => {
    if (isPageStateRequest(message)) {
      sendResponse(state);
      return true;
    }
    if (!isPageFeedsRequest(message)) return undefined;
    sendResponse(pageFeeds(doc));
    return true;
  };
  browser.runtime.onMessage.addListener(answerPopup);

  const stopWatching = watchNavigation(window, () => {
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
