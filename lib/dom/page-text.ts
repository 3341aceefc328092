/** Reading the text a reader sees in a page, node by node. */
import type { Steps } from './time-slice';

/** Elements whose text is not article text (or not ours to touch). */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE', 'SELECT', 'OPTION', 'HEAD']);

/** Elements of ours with this prefix are never article text. */
export const OWN_TAG_PREFIX = 'PARALLAX-';
/** Marks are plain `<mark>` elements (see highlight.ts); they wrap page text and are read through. */
export const MARK_TAG = 'mark';

export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag.startsWith(OWN_TAG_PREFIX)) return true;
  return el.hasAttribute('hidden');
}

/** The element to read when given a whole document: its body, never the head's title. */
export function textRoot(root: Element | Document): Element | null {
  if (root.nodeType === 9) {
    const doc = root as Document;
    return doc.body ?? doc.documentElement;
  }
  return root as Element;
}

/** Nodes visited between pauses of `textNodeSteps` (a judgement: a few milliseconds of a large page's nodes). */
const NODES_PER_STEP = 2000;

/** Text nodes under `root` in document order, leaving out skipped subtrees, as steps that may pause every NODES_PER_STEP nodes (lib/dom/time-slice.ts). */
function* textNodeSteps(root: Node): Steps<Text[]> {
  const out: Text[] = [];
  if (root.nodeType === 3) return [root as Text];
  const stack: Node[] = [];
  for (let c = root.lastChild; c; c = c.previousSibling) stack.push(c);
  let visited = 0;
  while (stack.length > 0) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      out.push(node as Text);
    } else if (node.nodeType === 1 && !isSkippedElement(node as Element)) {
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out;
}

export interface PageText {
  /** The text nodes' data, concatenated. */
  text: string;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
  /** `parents[i]` held `nodes[i]` when its text was read: a node moved since (under a style, into another block) is stale. */
  parents: (Node | null)[];
}

/** The text under `root` as a reader sees it, node by node, as steps that may pause while the nodes are read. */
export function* pageTextSteps(root: Element | Document): Steps<PageText> {
  const el = textRoot(root);
  const nodes = el ? yield* textNodeSteps(el) : [];
  yield;
  const starts: number[] = [];
  const parents: (Node | null)[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    parents.push(node.parentNode);
    text += node.data;
  }
  return { text, nodes, starts, parents };
}

/** The text node holding character `offset` of `page.text` (and its place in `page.nodes`), and the offset inside it. */
export function locate(page: PageText, offset: number): { node: Text; at: number; offset: number } | null {
  let lo = 0;
  let hi = page.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((page.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = page.nodes[lo];
  const start = page.starts[lo];
  if (!node || start === undefined) return null;
  return { node, at: lo, offset: offset - start };
}
