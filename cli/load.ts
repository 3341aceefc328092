/** Reads command-line inputs: a JSON Lines file, or a folder of *.jsonl and *.txt files. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { extractFromHtml } from '../lib/extract/from-html';
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
