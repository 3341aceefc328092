import { browser } from 'wxt/browser';
import { extractWithDomParser } from '../../lib/extension/offscreen';
import { isOffscreenRequest } from '../../lib/messaging/protocol';

// Answers only its own requests; protocol messages are the background's to answer.
browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (!isOffscreenRequest(message)) return undefined;
  try {
    sendResponse(extractWithDomParser(message.html, message.url, message.anyway ? { anyway: true } : {}));
  } catch (error) {
    sendResponse({ ok: false, reason: `the page could not be read (${error instanceof Error ? error.message : String(error)})` });
  }
  return undefined;
});
