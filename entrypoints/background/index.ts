import { browser } from 'wxt/browser';
import { createDb } from '../../lib/db/db';
import { createCorpus } from '../../lib/corpus/corpus';
import { createBackgroundHandlers } from '../../lib/extension/background-handlers';
import { route } from '../../lib/messaging/router';

export default defineBackground(() => {
  const db = createDb();
  const corpus = createCorpus(db);
  const handlers = createBackgroundHandlers({
    db,
    corpus,
    estimate: () => navigator.storage.estimate(),
  });
  const options = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
  };
  // Registered synchronously so that a message that wakes the worker is not lost.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const info = {
      ...(sender.id !== undefined ? { id: sender.id } : {}),
      ...(sender.url !== undefined ? { url: sender.url } : {}),
      ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
    };
    void route(handlers, message, info, options).then(sendResponse);
    return true;
  });
});
