/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import type { MessageType, Payload, Reply, Result } from '../../lib/messaging/protocol';

/**
 * Talks to the extension's background the way its own pages do: from an
 * extension page, with the typed protocol.
 */
export function createDriver(ext: ExtensionBrowser) {
  let extensionPage: Page | null = null;

  const page = async (): Promise<Page> => {
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await ext.context.newPage();
      await extensionPage.goto(`chrome-extension://${ext.extensionId}/options.html`);
    }
    return extensionPage;
  };

  const send = async <T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> => {
    const p = await page();
    const result = (await p.evaluate((envelope) => chrome.runtime.sendMessage(envelope), {
      parallax: 1 as const,
      type,
      payload,
    })) as Result<Reply<T>>;
    if (!result.ok) throw new Error(`${type}: ${result.error}`);
    return result.value;
  };

  /** Opens an article like a reader and waits until the background has stored it. */
  const read = async (url: string, options: { keepOpen?: boolean; timeoutMs?: number } = {}): Promise<Page> => {
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    for (;;) {
      const summary = await send('pageSummary', { url });
      if (summary.known) break;
      if (Date.now() > deadline) throw new Error(`${url} was not stored within the time allowed`);
      await tab.waitForTimeout(150);
    }
    if (!options.keepOpen) await tab.close();
    return tab;
  };

  return { send, read, extensionPage: page };
}

export type Driver = ReturnType<typeof createDriver>;
