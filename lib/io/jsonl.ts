/**
 * The JSON Lines exchange format: one article per line,
 * `{"id"?, "url", "outlet", "title", "publishedAt"?, "text" | "html"}`.
 * Lines are checked one by one so a bad line is reported by number and the
 * others still load.
 */
import { isHttpUrl } from '../feeds/urls';
import { capText, TEXT_LIMITS } from '../text/config';
import type { ArticleInput } from '../types';

/**
 * Turns an article page's HTML into its text. Injected so that each runtime
 * brings its own parser: linkedom in Node (`extractFromHtml`), DOMParser in
 * an extension page; the extension's bundles then never carry linkedom.
 */
export type HtmlExtractor = (html: string, url: string) => { ok: true; article: { text: string } } | { ok: false; reason: string };

export interface ParseOptions {
  /** Reads the "html" field; without it, lines must carry "text". */
  extractHtml?: HtmlExtractor;
}

export interface ParsedLine {
  line: number;
  article: ArticleInput;
}

export interface LineError {
  line: number;
  message: string;
}

export type LineResult = { line: number; ok: true; article: ArticleInput } | { line: number; ok: false; message: string };

const OPTIONAL_STRINGS = ['id', 'byline', 'lang'] as const;

/** Longest piece of a line quoted back in an error message. */
const QUOTED_CHARS = 80;

/** Lines of a file, whatever its line ends: LF, CRLF, or CR alone (old Mac files). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Whether a raw line holds anything once its byte-order mark and spaces are gone. */
export function isBlankLine(raw: string): boolean {
  return raw.replace(/^\uFEFF/, '').trim() === '';
}

/** `value` shortened for an error message. */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= QUOTED_CHARS ? text : `${capText(text, QUOTED_CHARS)}…`;
}

/** NUL characters carry nothing in an article and trip up tools downstream. */
function withoutNul(text: string): string {
  return text.includes('\0') ? text.replace(/\0/g, '') : text;
}

/**
 * One line of a JSON Lines file as an object: null for a blank line, else the
 * object or why the line is not one ("not JSON (…)", "not a JSON object").
 */
export function jsonObjectLine(raw: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } | null {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not JSON (${capText(err instanceof Error ? err.message : String(err), QUOTED_CHARS * 2)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not a JSON object' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Checks one line (1-based number for the messages); null for a blank line. Never throws. */
export function parseArticleLine(raw: string, line: number, options: ParseOptions = {}): LineResult | null {
  try {
    return checkLine(raw, line, options);
  } catch (error) {
    // A fault in a reader (the HTML extractor) spoils this line only.
    const reason = error instanceof Error ? error.message : String(error);
    return { line, ok: false, message: `line ${line}: could not be read (${capText(reason, QUOTED_CHARS * 2)})` };
  }
}

function checkLine(raw: string, line: number, options: ParseOptions): LineResult | null {
  const fail = (message: string): LineResult => ({ line, ok: false, message: `line ${line}: ${message}` });
  const parsed = jsonObjectLine(raw);
  if (!parsed) return null;
  if (!parsed.ok) return fail(parsed.error);
  const o = parsed.value;
  for (const key of ['url', 'outlet', 'title'] as const) {
    if (o[key] === undefined || o[key] === null) return fail(`missing "${key}"`);
    if (typeof o[key] !== 'string') return fail(`"${key}" is not a string`);
  }
  if (!(o.url as string).trim()) return fail('"url" is empty');
  if (!(o.outlet as string).trim()) return fail('"outlet" is empty');
  for (const key of OPTIONAL_STRINGS) if (o[key] !== undefined && typeof o[key] !== 'string') return fail(`"${key}" is not a string`);
  if (typeof o.id === 'string' && !o.id.trim()) return fail('"id" is empty');
  if (o.publishedAt !== undefined) {
    if (typeof o.publishedAt !== 'string' || !Number.isFinite(Date.parse(o.publishedAt)))
      return fail(`"publishedAt" is not a date (${quote(o.publishedAt)})`);
  }
  let body: string;
  if (typeof o.text === 'string') body = o.text;
  else if (o.text !== undefined) return fail('"text" is not a string');
  else if (typeof o.html === 'string') {
    if (!options.extractHtml) return fail('"html" cannot be read here; give the article as "text"');
    if (!o.html.trim()) return fail('"html" is empty');
    const extracted = options.extractHtml(o.html, o.url as string);
    if (!extracted.ok) return fail(`"html" holds no article (${extracted.reason})`);
    body = extracted.article.text;
  } else if (o.html !== undefined) return fail('"html" is not a string');
  else return fail('missing "text" (or "html")');
  body = withoutNul(body);
  if (!body.trim()) return fail('"text" is empty');
  const written = (o.url as string).trim();
  if (!isHttpUrl(written)) return fail(`"url" is not an http or https address (${quote(written)})`);
  // As the browser writes it ("https:x/a" is "https://x/a"), the form every stored address has.
  const url = new URL(written).href;
  const outlet = capText(withoutNul(o.outlet as string).trim(), TEXT_LIMITS.maxOutletChars);
  if (!outlet) return fail('"outlet" is empty');
  const article: ArticleInput = {
    url,
    outlet,
    title: capText(withoutNul(o.title as string), TEXT_LIMITS.maxTitleChars),
    text: body,
  };
  for (const key of OPTIONAL_STRINGS) if (typeof o[key] === 'string') article[key] = withoutNul(o[key]);
  if (article.byline !== undefined) article.byline = capText(article.byline, TEXT_LIMITS.maxBylineChars);
  if (typeof o.publishedAt === 'string') article.publishedAt = o.publishedAt;
  return { line, ok: true, article };
}

/** Streaming variant: checks lines as they come (from a file reader, a fetch body split in lines…). */
export async function* parseArticleStream(
  lines: AsyncIterable<string> | Iterable<string>,
  options: ParseOptions = {},
): AsyncGenerator<LineResult> {
  let n = 0;
  for await (const raw of lines) {
    n++;
    const r = parseArticleLine(raw, n, options);
    if (r) yield r;
  }
}

export function parseArticleLines(text: string, options: ParseOptions = {}): { articles: ParsedLine[]; errors: LineError[] } {
  const articles: ParsedLine[] = [];
  const errors: LineError[] = [];
  splitLines(text).forEach((raw, i) => {
    const r = parseArticleLine(raw, i + 1, options);
    if (!r) return;
    if (r.ok) articles.push({ line: r.line, article: r.article });
    else errors.push({ line: r.line, message: r.message });
  });
  return { articles, errors };
}

/** One line of the exchange format (no trailing newline). */
export function articleToLine(a: ArticleInput): string {
  const out: Record<string, string> = {};
  if (a.id !== undefined) out.id = a.id;
  out.url = a.url;
  out.outlet = a.outlet;
  out.title = a.title;
  if (a.byline !== undefined) out.byline = a.byline;
  if (a.publishedAt !== undefined) out.publishedAt = a.publishedAt;
  if (a.lang !== undefined) out.lang = a.lang;
  out.text = a.text;
  return JSON.stringify(out);
}
