/**
 * The page as HTML, the string `documentElement.outerHTML` gives (after a
 * `<!DOCTYPE name>` when the page has one), made in pieces so that a large
 * page is not serialised in one long call: a subtree of at most a given
 * number of elements is one call of the browser's serialiser, a larger
 * element is its start tag, its children in turn, and its end tag. Tags and
 * text between the pieces come from the browser's serialiser too (a copy of
 * the element without children, or of the text nodes, in a document of our
 * own that runs no script), so the pieces join to the same string.
 */
import type { Steps } from './time-slice';

/** Elements whose children the serialiser writes as raw text, or that keep their content elsewhere: never opened. */
const WHOLE_TAGS = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript', 'template']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** The doctype as the page's serialisation begins with it. */
function doctypeOf(doc: Document): string {
  return doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '';
}

/** The whole page in one call of the browser's serialiser. */
export function serializePage(doc: Document): string {
  return doctypeOf(doc) + (doc.documentElement?.outerHTML ?? '');
}

/** Elements in the subtree under `el`, itself left out. */
function descendants(el: Element): number {
  return el.getElementsByTagName('*').length;
}

/**
 * The page's HTML in pieces, as steps that pause between pieces
 * (lib/dom/time-slice.ts); joined, the pieces are `serializePage(doc)`. An
 * element with more than `pieceElements` elements under it is opened; each
 * child of it is then a piece of its own. If the page moved a node while it
 * was being read in slices (a node taken out and put back elsewhere), a
 * piece read before and one after might both hold it, or neither: the page
 * is then read again in one call.
 */
export function* serializeSteps(doc: Document, pieceElements: number): Steps<string[]> {
  const root = doc.documentElement;
  if (!root) return [serializePage(doc)];
  const view = doc.defaultView;
  const moved = view ? watchMoves(view, doc) : undefined;
  try {
    // A document of our own: a copy made there runs no custom element's code and loads nothing.
    const own = doc.implementation.createHTMLDocument('');
    const pieces: string[] = [doctypeOf(doc)];
    // Work left, last first: elements to serialise or open, runs of other nodes between them, and end tags to write.
    const stack: (Element | Between | string)[] = [root];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (typeof next === 'string') {
        pieces.push(next);
        continue;
      }
      if (next instanceof Between) {
        pieces.push(next.serialize(own));
        yield;
        continue;
      }
      const el = next;
      if (el.namespaceURI !== HTML_NS || WHOLE_TAGS.has(el.localName) || descendants(el) <= pieceElements) {
        pieces.push(el.outerHTML);
        yield;
        continue;
      }
      const shell = own.importNode(el, false) as Element;
      const tags = shell.outerHTML;
      const end = tags.lastIndexOf('</');
      pieces.push(tags.slice(0, end));
      stack.push(tags.slice(end));
      // Children in order: elements as pieces of their own, the nodes between them as one piece each run.
      const children = Array.from(el.childNodes);
      for (let i = children.length - 1; i >= 0;) {
        if (children[i]!.nodeType === 1) {
          stack.push(children[i--] as Element);
          continue;
        }
        const run: Node[] = [];
        while (i >= 0 && children[i]!.nodeType !== 1) run.unshift(children[i--]!);
        stack.push(new Between(shell, run));
      }
      yield;
    }
    if (moved?.()) return [serializePage(doc)];
    return pieces;
  } finally {
    moved?.stop();
  }
}

/** Text, comments and other nodes that are not elements, between two elements: serialised when their turn comes. */
class Between {
  constructor(
    private readonly shell: Element,
    private readonly nodes: Node[],
  ) {}

  /** The nodes as the serialiser writes them inside the shell's kind of element. */
  serialize(own: Document): string {
    const host = this.shell.cloneNode(false) as Element;
    for (const n of this.nodes) host.appendChild(own.importNode(n, false));
    return host.innerHTML;
  }
}

/** Whether a node was taken out of the page and put back (anywhere) since the watch began. */
function watchMoves(view: Window & typeof globalThis, doc: Document): (() => boolean) & { stop(): void } {
  const removed = new Set<Node>();
  let moved = false;
  const note = (records: MutationRecord[]): void => {
    for (const r of records) for (const n of Array.from(r.removedNodes)) removed.add(n);
    for (const r of records) for (const n of Array.from(r.addedNodes)) if (removed.has(n)) moved = true;
  };
  const observer = new view.MutationObserver(note);
  observer.observe(doc, { childList: true, subtree: true });
  const check = (): boolean => {
    note(observer.takeRecords());
    return moved;
  };
  return Object.assign(check, { stop: () => observer.disconnect() });
}
