/**
 * Runtime ports for tests, where WXT's fake browser has none: `connect`
 * gives the connecting side's end and hands the other end, with the sender
 * given, to the `onConnect` listeners. Messages cross as JSON, a task later,
 * as the browser delivers them; closing one end tells the other.
 */
import type { PortLike } from '../../lib/messaging/page-port';

export interface FakePort extends PortLike {
  sender?: { id?: string; url?: string; tab?: { id: number } };
}

type Listener<A extends unknown[]> = (...args: A) => void;

function event<A extends unknown[]>() {
  const listeners: Listener<A>[] = [];
  return {
    addListener: (fn: Listener<A>) => void listeners.push(fn),
    removeListener: (fn: Listener<A>) => void listeners.splice(listeners.indexOf(fn) >>> 0, 1),
    hasListener: (fn: Listener<A>) => listeners.includes(fn),
    fire: (...args: A) => {
      for (const fn of [...listeners]) fn(...args);
    },
  };
}

/** Two ends of one port. */
export function portPair(name: string, sender?: FakePort['sender']): [FakePort, FakePort] {
  let open = true;
  const make = (): FakePort & { messages: ReturnType<typeof event<[unknown]>>; closed: ReturnType<typeof event<[]>> } => {
    const messages = event<[unknown]>();
    const closed = event<[]>();
    return {
      name,
      messages,
      closed,
      onMessage: messages,
      onDisconnect: closed,
      postMessage: () => undefined,
      disconnect: () => undefined,
    };
  };
  const a = make();
  const b = make();
  const wire = (from: typeof a, to: typeof b): void => {
    from.postMessage = (message: unknown) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy: unknown = JSON.parse(JSON.stringify(message));
      setTimeout(() => to.messages.fire(copy), 0);
    };
    from.disconnect = () => {
      if (!open) return;
      open = false;
      setTimeout(() => to.closed.fire(), 0);
    };
  };
  wire(a, b);
  wire(b, a);
  if (sender) b.sender = sender;
  return [a, b];
}

/** A browser's `runtime.connect` and `runtime.onConnect`, for one sender. */
export function fakeRuntimePorts(sender?: FakePort['sender']) {
  const onConnect = event<[FakePort]>();
  return {
    onConnect,
    connect: ({ name }: { name?: string } = {}): FakePort => {
      const [mine, theirs] = portPair(name ?? '', sender);
      setTimeout(() => onConnect.fire(theirs), 0);
      return mine;
    },
  };
}
