/**
 * Node entry of the extractor: parses HTML with linkedom. Kept apart from
 * `extract.ts` so the content-script bundle does not pull linkedom in.
 */
import { parseHTML } from 'linkedom';
import { extractArticle, type ExtractOptions, type ExtractResult } from './extract';

export type { ExtractResult } from './extract';

export function extractFromHtml(html: string, url: string, options: ExtractOptions = {}): ExtractResult {
  const { document } = parseHTML(html);
  asBrowserBuildsIt(document as unknown as Document);
  return extractArticle(document as unknown as Document, url, options);
}

/** Elements a browser's parser puts in the head when they come between `</head>` and `<body>` (the HTML standard's "after head" mode). */
const HEAD_CONTENT = /^(base|basefont|bgsound|link|meta|noframes|script|style|template|title)$/i;

/**
 * linkedom keeps the tree as the markup wrote it; a browser's HTML parser
 * does not. Where they differ on real pages, the document is reshaped the way
 * a browser builds it, so that Node extracts what the extension extracts:
 * elements between `</head>` and `<body>` go into the head (scripts, styles)
 * or the body (anything else), elements after `</body>` and the content of a
 * second `<body>` join the first, and a page with no `<body>` tag gets one
 * holding all but the head. (linkedom's `document.body` is otherwise a new,
 * empty body when anything stands between the head and the body, or when the
 * page has none.)
 */
export function asBrowserBuildsIt(doc: Document): void {
  const root = doc.documentElement;
  if (root === null) return;
  const children = Array.from(root.children);
  const bodies = children.filter((el) => el.tagName.toUpperCase() === 'BODY');
  const head = children.find((el) => el.tagName.toUpperCase() === 'HEAD');
  let body = bodies[0];
  if (body === undefined) {
    // A page with no <body> tag: a browser opens one at the first element that cannot sit in the head.
    body = doc.createElement('body');
    root.append(body);
    children.push(body);
  }
  let beforeBody = true;
  const early: Element[] = [];
  for (const el of children) {
    if (el === head) continue;
    if (el === body) {
      beforeBody = false;
      continue;
    }
    if (el.tagName.toUpperCase() === 'BODY') {
      body.append(...Array.from(el.childNodes));
      el.remove();
    } else if (beforeBody && head !== undefined && HEAD_CONTENT.test(el.tagName)) head.append(el);
    else if (beforeBody) early.push(el);
    else body.append(el);
  }
  body.prepend(...early);
}
