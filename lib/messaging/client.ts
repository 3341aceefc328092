import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Payload, Reply, Result } from './protocol';

/** Sends a typed message to the background and unwraps its reply; errors arrive as thrown Errors. */
export async function sendMessage<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> {
  const envelope: Envelope<T> = { parallax: 1, type, payload };
  const result = (await browser.runtime.sendMessage(envelope)) as Result<Reply<T>> | undefined;
  if (!result) throw new Error('The Parallax background did not answer.');
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
