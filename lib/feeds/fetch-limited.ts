import { isHttpUrl, resolveHttpUrl } from './urls';
import { DEFAULT_TIMEOUT_MS } from './config';

export interface FetchLimitedOptions {
  /** Bytes of body read at most; a longer body is abandoned, not read whole. */
  maxBytes: number;
  /** Redirects followed at most (where the runtime lets them be counted). */
  maxRedirects: number;
  headers?: Record<string, string>;
  /** For the whole exchange, body included. Default 30 s. */
  timeoutMs?: number;
  /**
   * Why an address may not be requested (a private host, a site the reader
   * has not allowed), or undefined when it may. Asked before the first
   * request and before each redirect is followed; where the runtime hides
   * redirects (browsers), asked of the address the body finally came from.
   */
  checkUrl?(url: string): Promise<string | undefined> | string | undefined;
}

export type FetchLimitedResult =
  | {
      ok: true;
      /** 2xx, or 304 (body empty) when a conditional request found nothing new. */
      status: number;
      body: string;
      contentType: string | null;
      /** The address the body came from, after redirects. */
      finalUrl: string;
      etag?: string;
      lastModified?: string;
    }
  | { ok: false; error: string };

/**
 * A request refused by the runtime's own guard before anything was sent; its
 * message, in plain words, is what the reader is told.
 */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
}

/** A redirect the browser would not follow: the guard blocked a hop, a loop, or a hop's server unreachable. */
export const REDIRECT_REFUSED =
  'it redirects to an address Parallax may not read (this computer, the local network or a site not allowed), in a loop, or to a server that cannot be reached';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** "5 MB", "512 KB": how a size limit reads in an error. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Math.round(mb * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function tooLarge(maxBytes: number): { ok: false; error: string } {
  return { ok: false, error: `the page is larger than ${formatBytes(maxBytes)} and was skipped` };
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is being thrown away; a failure to cancel changes nothing.
  }
}

/** The charset a body declares: in its content type, byte-order mark, XML declaration or <meta>. */
function charsetOf(contentType: string | null, bytes: Uint8Array): string {
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (declared) return declared;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const sniffed =
    /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return sniffed ?? 'utf-8';
}

/**
 * A page's bytes as text, in the charset it declares (content type, byte-order
 * mark, XML declaration or <meta>), UTF-8 when it declares none. Bytes that are
 * not UTF-8 where UTF-8 is declared or assumed are read as Windows-1252, the
 * Latin-1 that old pages are written in whatever they say.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null = null): string {
  let charset: string;
  try {
    charset = new TextDecoder(charsetOf(contentType, bytes)).encoding;
  } catch {
    // An unknown charset label: UTF-8 is the likeliest truth.
    charset = 'utf-8';
  }
  if (charset !== 'utf-8') return new TextDecoder(charset).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Reads at most `maxBytes` of the body, cancelling the stream as soon as it runs over. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.byteLength > maxBytes ? undefined : whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function readResponse(response: Response, finalUrl: string, maxBytes: number): Promise<FetchLimitedResult> {
  const { status } = response;
  if (status === 304) {
    await discard(response);
    return { ok: true, status, body: '', contentType: response.headers.get('content-type'), finalUrl };
  }
  if (status < 200 || status >= 300) {
    await discard(response);
    return { ok: false, error: `the server answered ${status}` };
  }
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > maxBytes) {
    await discard(response);
    return tooLarge(maxBytes);
  }
  const bytes = await readBody(response, maxBytes);
  if (!bytes) return tooLarge(maxBytes);
  const contentType = response.headers.get('content-type');
  const result: FetchLimitedResult = { ok: true, status, body: decodeBody(bytes, contentType), contentType, finalUrl };
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (etag) result.etag = etag;
  if (lastModified) result.lastModified = lastModified;
  return result;
}

function describeFailure(error: unknown): string {
  if (error instanceof RequestRefused) return error.message;
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause;
  // Node's fetch names the reason in `cause`; browsers say only "Failed to fetch".
  if (typeof cause?.message === 'string' && /redirect/i.test(cause.message)) {
    return 'redirect loop or too many redirects';
  }
  return 'the server could not be reached';
}

/**
 * GET `url` with a size limit, a time limit and redirect checks.
 *
 * Redirects are followed by hand (`redirect: 'manual'`): each hop's address
 * is checked (scheme, `checkUrl`) before it is requested, and loops and
 * chains longer than `maxRedirects` are caught. Browsers hide a redirect's
 * target from scripts by design (an "opaqueredirect" response, see
 * https://fetch.spec.whatwg.org/#atomic-http-redirect-handling), so there the
 * request is made again with `redirect: 'follow'`: the hops in between are
 * checked by the browser itself against the extension's request guard
 * (lib/extension/fetch-guard.ts: no private address, no site not granted),
 * the final address again here, and a body from a refused address is dropped
 * unread. Fetch's own limit of 20 redirects stands for the loop check; a hop
 * the guard blocks and a loop fail alike, with a TypeError.
 */
export async function fetchLimited(fetchFn: typeof fetch, url: string, options: FetchLimitedOptions): Promise<FetchLimitedResult> {
  if (!isHttpUrl(url)) return { ok: false, error: 'only http and https addresses can be fetched' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const init: RequestInit = {
    method: 'GET',
    headers: options.headers ?? {},
    signal: controller.signal,
    // Feeds and articles are public: the reader's cookies have no business there.
    credentials: 'omit',
  };
  const refusal = async (address: string): Promise<string | undefined> => (options.checkUrl ? await options.checkUrl(address) : undefined);
  try {
    let current = url;
    const visited = new Set([current]);
    for (let redirects = 0; ; redirects++) {
      const refused = await refusal(current);
      if (refused) return { ok: false, error: redirects === 0 ? refused : `it redirects to ${current}: ${refused}` };
      const response = await fetchFn(current, { ...init, redirect: 'manual' });
      if (response.type === 'opaqueredirect') {
        let followed: Response;
        try {
          followed = await fetchFn(current, { ...init, redirect: 'follow' });
        } catch (error) {
          if (timedOut) throw error;
          return { ok: false, error: REDIRECT_REFUSED };
        }
        const finalUrl = followed.url || current;
        if (!isHttpUrl(finalUrl)) {
          await discard(followed);
          return { ok: false, error: 'the address redirects to something other than a web page' };
        }
        const refusedFinal = finalUrl === current ? undefined : await refusal(finalUrl);
        if (refusedFinal) {
          await discard(followed);
          return { ok: false, error: `it redirects to ${finalUrl}: ${refusedFinal}` };
        }
        return await readResponse(followed, finalUrl, options.maxBytes);
      }
      if (!REDIRECT_STATUSES.has(response.status)) {
        const finalUrl = response.url || current;
        // A fetch that followed redirects despite 'manual' still has its final address checked.
        const refusedFinal = finalUrl === current ? undefined : await refusal(finalUrl);
        if (refusedFinal) {
          await discard(response);
          return { ok: false, error: `it redirects to ${finalUrl}: ${refusedFinal}` };
        }
        return await readResponse(response, finalUrl, options.maxBytes);
      }
      await discard(response);
      const location = response.headers.get('location');
      if (!location) return { ok: false, error: `the server answered ${response.status} without saying where to go` };
      const next = resolveHttpUrl(location, current);
      if (!next) return { ok: false, error: 'the address redirects to something other than a web page' };
      if (visited.has(next)) return { ok: false, error: 'redirect loop' };
      if (redirects + 1 > options.maxRedirects) {
        return { ok: false, error: `too many redirects (more than ${options.maxRedirects})` };
      }
      visited.add(next);
      current = next;
    }
  } catch (error) {
    if (timedOut) return { ok: false, error: 'timed out' };
    return { ok: false, error: describeFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}
