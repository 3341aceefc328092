import { startContentScript } from '../../lib/extension/content';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would otherwise post a message naming the extension's id to every page's window, where the page's scripts read it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx);
  },
});
