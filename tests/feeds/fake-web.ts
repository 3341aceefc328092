/** A fake `fetch` over a table of addresses, behaving like Node's (or a browser's) for redirects. */

export interface FakePage {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  /** Never answers; fails when the request is aborted. */
  hang?: boolean;
}

export type FakeHandler = FakePage | ((request: { url: string; headers: Headers }) => FakePage);

export interface FakeRequest {
  url: string;
  headers: Headers;
  redirect: RequestRedirect | undefined;
}

export interface FakeWeb {
  fetch: typeof fetch;
  requests: FakeRequest[];
  /** Every address the network was asked for, redirects followed inside fetch included. */
  visited: string[];
  routes: Map<string, FakeHandler>;
}

/** A body of `total` bytes made on demand, `chunk` bytes at a time, counting what was pulled. */
export function lazyBody(total: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) {
        controller.close();
        return;
      }
      const n = Math.min(chunk, total - pulled);
      pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  return { stream, pulled: () => pulled };
}

function respond(page: FakePage, url: string): Response {
  const status = page.status ?? 200;
  const body = status === 304 || status === 204 ? null : (page.body ?? '');
  const response = new Response(body as BodyInit | null, { status, headers: page.headers });
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

/**
 * `browser: true` answers `redirect: 'manual'` with an opaque redirect, as
 * extensions see it; `redirect: 'follow'` follows up to 20 redirects, then
 * throws a TypeError as every fetch does.
 */
export function createFakeWeb(routes: Record<string, FakeHandler>, options: { browser?: boolean } = {}): FakeWeb {
  const table = new Map(Object.entries(routes));
  const requests: FakeRequest[] = [];
  const visited: string[] = [];

  async function answer(url: string, headers: Headers, signal: AbortSignal | null | undefined): Promise<FakePage> {
    visited.push(url);
    const handler = table.get(url) ?? { status: 404, body: 'not found' };
    const page = typeof handler === 'function' ? handler({ url, headers }) : handler;
    if (page.hang) {
      await new Promise((_, reject) => {
        signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    }
    return page;
  }

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let url = String(input);
    const headers = new Headers(init?.headers);
    const mode = init?.redirect;
    requests.push({ url, headers, redirect: mode });
    let page = await answer(url, headers, init?.signal);
    const isRedirect = (p: FakePage) => [301, 302, 303, 307, 308].includes(p.status ?? 200);
    if (mode === 'manual') {
      if (options.browser && isRedirect(page)) {
        const opaque = new Response(null, { status: 200 });
        Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
        Object.defineProperty(opaque, 'status', { value: 0 });
        return opaque;
      }
      return respond(page, url);
    }
    let redirects = 0;
    let redirected = false;
    while (isRedirect(page)) {
      if (++redirects > 20) throw new TypeError('Failed to fetch');
      url = new URL(page.headers?.location ?? '', url).href;
      redirected = true;
      page = await answer(url, headers, init?.signal);
    }
    const response = respond(page, url);
    Object.defineProperty(response, 'redirected', { value: redirected });
    return response;
  };

  return { fetch: fakeFetch as typeof fetch, requests, visited, routes: table };
}
