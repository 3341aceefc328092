import { CONTENT_SCRIPT_MESSAGES, type Envelope, type MessageType, type Payload, type Reply, type Result } from './protocol';

export type Handlers = { [T in MessageType]: (payload: Payload<T>, sender: SenderInfo) => Promise<Reply<T>> };

/** What the background knows of who sent a message. */
export interface SenderInfo {
  /** Id of the extension the sender belongs to. */
  id?: string;
  /** URL of the sending frame (a web page for content scripts, an extension page otherwise). */
  url?: string;
  /** Set when the sender lives in a tab (content scripts, or an extension page opened in a tab). */
  tabId?: number;
  /** Set by the router: the sender is one of the extension's own pages, not a web page's content script. */
  extensionPage?: boolean;
}

export interface RouterOptions {
  /** This extension's id: messages from other extensions are refused. */
  extensionId: string;
  /** This extension's origin, e.g. `chrome-extension://abc`; pages on it may send every message. */
  extensionOrigin: string;
}

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.parallax === 1 && typeof v.type === 'string' && typeof v.payload === 'object' && v.payload !== null;
}

/**
 * Dispatches one message. Content scripts run inside web pages, so what they
 * may ask is limited to capturing and annotating their own page; deleting or
 * reading the whole store is for the extension's own pages only.
 */
export async function route(handlers: Handlers, message: unknown, sender: SenderInfo, options: RouterOptions): Promise<Result<unknown>> {
  if (!isEnvelope(message)) return { ok: false, error: 'not a Parallax message' };
  if (sender.id !== options.extensionId) return { ok: false, error: 'message from another extension refused' };
  const type = message.type as MessageType;
  if (!Object.hasOwn(handlers, type)) return { ok: false, error: `unknown message type "${message.type}"` };
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(`${options.extensionOrigin}/`);
  if (!fromExtensionPage && !CONTENT_SCRIPT_MESSAGES.has(type)) {
    return { ok: false, error: `"${type}" may only be sent by the extension's own pages` };
  }
  try {
    const handler = handlers[type] as (payload: unknown, sender: SenderInfo) => Promise<unknown>;
    return { ok: true, value: await handler(message.payload, { ...sender, extensionPage: fromExtensionPage }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
