/** Reads command-line inputs: a JSON Lines file, or a folder of *.jsonl and *.txt files. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { extractFromHtml } from '../lib/extract/from-html';
import { decodeBody } from '../lib/feeds/fetch-limited';
import { parseArticleLines, type LineError } from '../lib/io/jsonl';
import type { ArticleInput } from '../lib/types';

export interface Loaded {
  articles: ArticleInput[];
  errors: string[];
}

/** A plain-text article: first line the title, the rest the body; the file name names outlet and id. */
export function articleFromTxt(file: string, content: string): ArticleInput {
  const name = path.basename(file, path.extname(file));
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const nl = text.indexOf('\n');
  const title = (nl < 0 ? text : text.slice(0, nl)).trim();
  const body = nl < 0 ? '' : text.slice(nl + 1);
  // Files have no web address; each gets one of its own under a reserved name.
  return { id: name, url: `https://files.invalid/${encodeURIComponent(name)}`, outlet: name, title, text: body };
}

function fromJsonl(file: string, label: string, out: Loaded): void {
  const { articles, errors } = parseArticleLines(readFileSync(file, 'utf8'), { extractHtml: extractFromHtml });
  // One push per item: spreading a file's worth of lines into push() overflows the call stack.
  for (const a of articles) out.articles.push(a.article);
  for (const e of errors as LineError[]) out.errors.push(`${label}: ${e.message}`);
}

/** Throws an Error with code 'ENOENT' when the path does not exist. */
export function loadInput(p: string): Loaded {
  const out: Loaded = { articles: [], errors: [] };
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) {
      const file = path.join(p, name);
      if (name.endsWith('.jsonl')) fromJsonl(file, name, out);
      else if (name.endsWith('.txt')) {
        const a = articleFromTxt(file, readFileSync(file, 'utf8'));
        if (a.text.trim()) out.articles.push(a);
        else out.errors.push(`${name}: empty article (no text after the title line)`);
      }
    }
  } else fromJsonl(p, path.basename(p), out);
  return out;
}

/** A page to extract: its HTML and the address it was read from. */
export interface PageInput {
  id: string;
  url: string;
  html: string;
}

/**
 * Pages for `parallax extract`: a saved page (`.html`/`.htm`, with its
 * address given apart), or JSON Lines of `{"id"?, "url", "html"}` (a line
 * without an id is named by its number).
 */
export function loadPages(file: string, url: string | undefined): { pages: PageInput[]; errors: string[] } {
  const bytes = readFileSync(file);
  if (/\.html?$/i.test(file)) {
    if (url === undefined) throw new Error(`${path.basename(file)} is a saved page: give its address with --url URL`);
    return { pages: [{ id: path.basename(file).replace(/\.html?$/i, ''), url, html: decodeBody(bytes) }], errors: [] };
  }
  const pages: PageInput[] = [];
  const errors: string[] = [];
  decodeBody(bytes)
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (!line) return;
      let o: unknown;
      try {
        o = JSON.parse(line);
      } catch (e) {
        errors.push(`line ${i + 1}: not JSON (${e instanceof Error ? e.message : String(e)})`);
        return;
      }
      const v = (typeof o === 'object' && o !== null && !Array.isArray(o) ? o : {}) as Record<string, unknown>;
      const missing = ['url', 'html'].find((k) => typeof v[k] !== 'string' || !(v[k] as string).trim());
      if (missing !== undefined) errors.push(`line ${i + 1}: missing "${missing}" (each line is {"id"?, "url", "html"})`);
      else if (v.id !== undefined && typeof v.id !== 'string') errors.push(`line ${i + 1}: "id" is not a string`);
      else pages.push({ id: (v.id as string | undefined) ?? String(i + 1), url: v.url as string, html: v.html as string });
    });
  return { pages, errors };
}
