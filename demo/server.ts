/**
 * A loopback web server for the demo corpus: one port, many outlets, routed
 * by the Host header (browsers reach it through --host-resolver-rules mapping
 * the `.test` hosts to 127.0.0.1). Listens on 127.0.0.1 only.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface CorpusServerOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Folder holding one sub-folder per host; defaults to demo/sites. */
  root?: string;
  /**
   * In-memory pages: host → path ("/", "/slug") → HTML, or a body with its own
   * content type (feeds). Paths not listed fall back to the host's files.
   */
  extraSites?: Record<string, Record<string, ExtraPage>>;
  /**
   * Answers odd requests tests need (a huge page, a redirect loop); returns
   * true when it answered. Tried before anything else.
   */
  handler?: (request: { host: string; path: string }, req: IncomingMessage, res: ServerResponse) => boolean;
}

/** A page held in memory: HTML, or any body with its content type. */
export type ExtraPage = string | { body: string; contentType: string };

export interface CorpusServer {
  port: number;
  /** "http://<host>:<port>" */
  origin(host: string): string;
  close(): Promise<void>;
}

const DEFAULT_ROOT = path.resolve(import.meta.dirname, 'sites');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startCorpusServer(options: CorpusServerOptions = {}): Promise<CorpusServer> {
  const root = path.resolve(options.root ?? DEFAULT_ROOT);
  const extra = options.extraSites ?? {};

  const server = createServer((req, res) => {
    if (options.handler) {
      const host = hostOf(req.headers.host);
      const pathname = pathOf(req.url);
      if (host !== undefined && pathname !== undefined && options.handler({ host, path: pathname }, req, res)) return;
    }
    handle(req, res, root, extra).catch(() => send(res, 500, 'text/plain; charset=utf-8', 'Internal error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: (host) => `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  extra: Record<string, Record<string, ExtraPage>>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', req.method);
    return;
  }
  const host = hostOf(req.headers.host);
  const pathname = pathOf(req.url);
  if (host === undefined || pathname === undefined) {
    notFound(res, host ?? '', req.method);
    return;
  }

  const memory = extra[host];
  if (memory !== undefined) {
    const page = memory[pathname] ?? memory[pathname.replace(/\/+$/, '')] ?? memory[pathname.replace(/\.html$/, '')];
    if (page !== undefined) {
      if (typeof page === 'string') send(res, 200, CONTENT_TYPES['.html']!, page, req.method);
      else send(res, 200, page.contentType, page.body, req.method);
      return;
    }
  }

  const file = fileFor(root, host, pathname);
  if (file === undefined) {
    notFound(res, host, req.method);
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    notFound(res, host, req.method);
    return;
  }
  send(res, 200, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body, req.method);
}

/** "dailyledger.test:8123" → "dailyledger.test"; rejects anything that is not a plain host name. */
function hostOf(header: string | undefined): string | undefined {
  const host = header?.trim().toLowerCase().replace(/:\d+$/, '');
  return host !== undefined && /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) ? host : undefined;
}

function pathOf(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return undefined;
  }
}

/** "/" → index.html, "/slug" → slug.html, "/style.css" → style.css; never outside the host's folder. */
function fileFor(root: string, host: string, pathname: string): string | undefined {
  const siteDir = path.join(root, host);
  const rel = pathname.replace(/^\/+|\/+$/g, '');
  const name = rel === '' ? 'index.html' : path.extname(rel) === '' ? `${rel}.html` : rel;
  const file = path.resolve(siteDir, name);
  return file.startsWith(siteDir + path.sep) ? file : undefined;
}

function notFound(res: ServerResponse, host: string, method?: string): void {
  const safeHost = host.replace(/[^a-z0-9.-]/g, '');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Page not found</h1><p>There is no such page on ${safeHost || 'this site'}.</p><p><a href="/">Home</a></p></body></html>`;
  send(res, 404, CONTENT_TYPES['.html']!, html, method);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, method?: string): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : body);
}
