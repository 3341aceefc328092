/**
 * Article extraction from a page: Readability on a clone of the document for
 * the body, the page's declared metadata for the rest. Works on a browser's
 * DOM (a page parsed by DOMParser in the background), happy-dom and
 * linkedom. The document it is given is never changed.
 */
import { hostOfOrUndefined } from '../pipeline/ids';
import { Readability } from '@mozilla/readability';
import { capText, TEXT_LIMITS } from '../text/config';
import type { ArticleInput } from '../types';
import { EXTRACT } from './config';
import { TEASER_LABEL, TRAILING_CREDIT, furnitureSteps, isFurnitureBlock, isShortLabel, sentenceEnds, type BlockKind } from './furniture';
import { chooseOutlet, readMetadata, stripTitleSuffix, toIso } from './metadata';
import { homePageRefusal } from './page-check';
import { pageLanguageRefusal } from '../feeds/article-check';
import { outletForHost } from '../text/outlets';
import { runToEnd, type Steps } from '../dom/time-slice';

export type ExtractResult = { ok: true; article: ArticleInput } | { ok: false; reason: string };

/** Below this, a page is a teaser, an index or a stub rather than a report (kept for callers that filter texts the same way). */
export const MIN_TEXT_CHARS = EXTRACT.minTextChars;

const BLOCK_SELECTOR = 'p, h2, h3, h4, h5, h6, li, blockquote, pre';
/** Containers whose own loose text counts as a block when no block element wraps it. */
const LOOSE_TEXT_CONTAINERS = /^(div|section|article|main|td|dd|span|font|center|figcaption)$/i;

export interface ExtractOptions {
  /**
   * The reader asked for this page to be stored although it is not taken as
   * an article: the home-page and article tests are passed over, and a page
   * Readability finds no body in gives the text blocks of its whole body.
   */
  anyway?: boolean;
}

/**
 * The article of a page, or why the page is not one. The background (on a
 * tab's page the content script sent as HTML, or a feed article) and the
 * Node command line call this on a document of their own.
 */
export function extractArticle(doc: Document, pageUrl: string, options: ExtractOptions = {}): ExtractResult {
  return runToEnd(extractSteps(doc, pageUrl, options));
}

/**
 * `extractArticle` as steps that may pause between its parts (metadata, the
 * copy of the page, furniture, Readability, the text blocks; see
 * lib/dom/time-slice.ts). The extension runs them in one go, in the
 * background, off the reader's page; run in slices on a live page, the page
 * may change between steps, and what is read is the copy made at the start
 * of each attempt. Readability's own reading of the copy is one step.
 */
export function* extractSteps(doc: Document, pageUrl: string, options: ExtractOptions = {}): Steps<ExtractResult> {
  if (doc.body === null) return { ok: false, reason: 'the page has no body' };
  const anyway = options.anyway === true;
  const meta = readMetadata(doc, pageUrl);
  yield;
  const homePage = anyway ? undefined : homePageRefusal(meta, pageUrl);
  if (homePage !== undefined) return { ok: false, reason: homePage };

  type Parsed = ReturnType<Readability<Element>['parse']>;
  function* read(withoutFurniture: boolean): Steps<Parsed> {
    const clone = cloneDocument(doc);
    yield;
    if (withoutFurniture) {
      yield* furnitureSteps(clone);
      yield;
    }
    const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element, keepClasses: true }).parse();
    yield;
    return parsed;
  }
  /** Readability's body of the page, with or without the furniture removed, as blocks, and why that is no article. */
  type Attempt = { parsed: Parsed; blocks: Block[]; refusal: string | undefined };
  function* attempt(withoutFurniture: boolean): Steps<Attempt> {
    const parsed = yield* read(withoutFurniture);
    let body = parsed?.content ?? undefined;
    if (body === undefined && anyway) {
      // Readability found no body: the page's own text blocks, furniture removed, stand in.
      const clone = cloneDocument(doc);
      yield;
      yield* furnitureSteps(clone);
      yield;
      body = clone.body ?? undefined;
    }
    if (body === undefined) return { parsed, blocks: [], refusal: 'not an article: no body of text found on the page' };
    // Read as the page stands (the furniture rules left no article), a page's captions are its text (a
    // gallery): they are kept, their credits cut. Dragnet training split: F1 0.8981, 0.8963 without.
    const blocks = yield* blockSteps(body, !withoutFurniture);
    yield;
    const refusal = anyway ? undefined : yield* articleTestSteps(blocks);
    yield;
    return { parsed, blocks, refusal };
  }
  let read1: Attempt | undefined;
  try {
    read1 = yield* attempt(true);
  } catch {
    // Readability can trip over what the furniture removal left; the page as it is may still read.
  }
  if (read1 === undefined || read1.refusal !== undefined) {
    // The furniture rules can take a short body for a box (a gallery's captions, a post set as a list):
    // Readability's own reading of the page as it is stands in when that reads as an article.
    try {
      const read2 = yield* attempt(false);
      if (read1 === undefined || read2.refusal === undefined) read1 = read2;
    } catch (error) {
      if (read1 === undefined) return { ok: false, reason: `the article body could not be read (${String(error)})` };
    }
  }
  const { parsed, blocks, refusal } = read1;
  if (refusal !== undefined) {
    // A page in another language fails the article test for want of English sentences: that is the reason to give.
    const language = pageLanguageRefusal(meta.title ?? clean(parsed?.title) ?? '', blocks.map((b) => b.text).join('\n\n'));
    return { ok: false, reason: language ?? refusal };
  }
  const text = blocks.map((b) => b.text).join('\n\n');
  if (text.trim() === '') return { ok: false, reason: 'the page has no text to store' };

  const host = hostOfOrUndefined(meta.canonicalUrl) ?? hostOfOrUndefined(pageUrl) ?? '';
  const claims = [...meta.outletClaims, clean(parsed?.siteName)].filter((c): c is string => c !== undefined);
  const outlet = chooseOutlet(claims, host);
  const rawTitle =
    meta.title ?? clean(parsed?.title) ?? clean(doc.querySelector('h1')?.textContent) ?? (anyway ? (clean(doc.title) ?? pageUrl) : '');
  const title = stripTitleSuffix(rawTitle, [outlet, host, outletForHost(host) ?? '', ...claims]);
  const byline = meta.byline ?? clean(parsed?.byline)?.replace(/^by\s+/i, '');
  const publishedAt = meta.publishedAt ?? toIso(parsed?.publishedTime ?? undefined);
  const lang = meta.lang ?? clean(parsed?.lang);

  const article: ArticleInput = { url: meta.canonicalUrl, outlet: capText(outlet, TEXT_LIMITS.maxOutletChars), title, text };
  if (byline !== undefined) article.byline = capText(byline, TEXT_LIMITS.maxBylineChars);
  if (publishedAt !== undefined) article.publishedAt = publishedAt;
  if (lang !== undefined) article.lang = lang;
  return { ok: true, article };
}

interface Block {
  text: string;
  kind: BlockKind;
  /** Characters of the block inside links. */
  links: number;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Sentences of a block that reads as prose: enough words, and sentence ends. */
function proseSentences(b: Block): number {
  if (b.kind === 'h' || wordCount(b.text) < EXTRACT.proseBlockWords) return 0;
  if (b.links / b.text.length > 0.5) return 0;
  return sentenceEnds(b.text);
}

/** A point of a list of notes: enough words, not mostly links, read as prose though no stop ends it (EXTRACT.listNotesAreProse). */
function isListNote(b: Block): boolean {
  return EXTRACT.listNotesAreProse && b.kind === 'li' && wordCount(b.text) >= EXTRACT.proseBlockWords && b.links / b.text.length <= 0.5;
}

/** What the article test reads of a text: its size, and how much of it is prose. */
export interface TextMeasures {
  chars: number;
  words: number;
  /** Sentences in prose blocks. */
  sentences: number;
  /** Prose blocks, and their characters. */
  proseBlocks: number;
  proseChars: number;
}

export function measureBlocks(blocks: readonly Block[]): TextMeasures {
  return runToEnd(measureSteps(blocks));
}

/** `measureBlocks` as steps that may pause after each block. */
function* measureSteps(blocks: readonly Block[]): Steps<TextMeasures> {
  const m: TextMeasures = { chars: 0, words: 0, sentences: 0, proseBlocks: 0, proseChars: 0 };
  for (const b of blocks) {
    yield;
    m.chars += b.text.length;
    m.words += wordCount(b.text);
    const n = proseSentences(b);
    if (n === 0 && isListNote(b)) m.proseChars += b.text.length;
    if (n === 0) continue;
    m.sentences += n;
    m.proseBlocks++;
    m.proseChars += b.text.length;
  }
  return m;
}

/**
 * The article test: whether the main text reads as an article (enough
 * text, mostly in paragraphs of sentences), whatever the page's markup. Returns
 * why not in plain words, or undefined for an article.
 */
export function notAnArticle(blocks: readonly Block[]): string | undefined {
  return runToEnd(articleTestSteps(blocks));
}

/** `notAnArticle` as steps that may pause after each block measured. */
function* articleTestSteps(blocks: readonly Block[]): Steps<string | undefined> {
  const { chars, words, sentences, proseChars } = yield* measureSteps(blocks);
  if (chars < EXTRACT.minTextChars) {
    return `not an article: too little text (${words} words; an article has at least ${EXTRACT.minTextChars} characters)`;
  }
  if (sentences < EXTRACT.minSentences) {
    return `not an article: the text has only ${sentences} sentence${sentences === 1 ? '' : 's'} of prose (at least ${EXTRACT.minSentences})`;
  }
  if (proseChars / chars < EXTRACT.minProseShare) {
    return `not an article: the text is mostly lists, links or labels (${Math.round((100 * proseChars) / chars)} % in sentences)`;
  }
  return undefined;
}

/**
 * The article's blocks as plain text. Each block's text is the collapsed
 * text content of one element, so it can be found again in the live page.
 */
export function collectBlocks(root: Element, captions = false): Block[] {
  return runToEnd(blockSteps(root, captions));
}

/**
 * `collectBlocks` as steps that may pause after each element read. With
 * `captions`, figures and their captions are read too, each less its
 * picture credit.
 */
function* blockSteps(root: Element, captions = false): Steps<Block[]> {
  const out: Array<Block & { heading: boolean; label: boolean }> = [];
  let inTeasers = false;
  for (const block of yield* rawBlocks(root, captions)) {
    const { kind, links, inList } = block;
    const text = captions ? block.text.replace(TRAILING_CREDIT, '').trim() : block.text;
    // A teaser box ("Most read", "More from …"): its label and the teasers after it, up to the next paragraph of prose.
    if (text.length < 80 && TEASER_LABEL.test(text)) {
      inTeasers = true;
      continue;
    }
    if (inTeasers) {
      const prose = kind === 'p' && !inList && links === 0 && text.length >= EXTRACT.teaserEndChars && /[.!?"”’]$/.test(text);
      if (!prose) continue;
      inTeasers = false;
    }
    if (isFurnitureBlock(text, kind, links, false)) continue;
    const label = isShortLabel(text, kind);
    // A short label is kept only as a subheading: not in a list, not an address or a reply's "@name".
    if (label && (inList || /^(@|https?:)/i.test(text))) continue;
    out.push({ text, kind, links, heading: kind === 'h', label });
    yield;
  }
  const isProse = (b: Block | undefined): boolean => b !== undefined && proseSentences(b) > 0;
  return (
    out
      // A label between two paragraphs of prose is a subheading; anywhere else it is a timestamp, a name, a section.
      .filter((b, i) => !b.label || (isProse(out[i - 1]) && isProse(out[i + 1])))
      // A heading with no prose after it titles furniture that was removed (a newsletter box, a list of links).
      .filter((b, i, kept) => !b.heading || (kept[i + 1] !== undefined && !kept[i + 1]!.heading))
      .map(({ text, kind, links }) => ({ text, kind, links }))
  );
}

/** Elements that start a block of their own when found among loose text. */
const BLOCK_LEVEL =
  /^(p|h[1-6]|li|ul|ol|dl|dd|dt|blockquote|pre|div|section|article|main|header|table|tr|td|th|tbody|thead|form|figure|hr|center)$/i;

function linkChars(node: Node): number {
  if (node.nodeType !== 1) return 0;
  const el = node as Element;
  const own = el.tagName.toLowerCase() === 'a' ? (clean(el.textContent)?.length ?? 0) : 0;
  return own + Array.from(el.querySelectorAll('a')).reduce((n, a) => n + (clean(a.textContent)?.length ?? 0), 0);
}

/**
 * The text blocks under `root`, in document order: the innermost block
 * elements, containers holding only loose text, and the runs of loose text
 * between the blocks of a container that holds both (text set with <br>s
 * beside a list, say), split at double line breaks.
 */
function* rawBlocks(root: Element, captions = false): Steps<Array<Block & { inList: boolean }>> {
  const found: Array<Block & { inList: boolean }> = [];
  let inList = false;
  const push = (text: string | undefined, kind: BlockKind, links: number): void => {
    if (text !== undefined) found.push({ text, kind, links, inList });
  };
  function* visit(el: Element): Steps<void> {
    const list = /^(ul|ol|li|dl)$/i.test(el.tagName);
    const outer = inList;
    inList ||= list;
    try {
      yield* visitInside(el);
    } finally {
      inList = outer;
    }
  }
  function* visitInside(el: Element): Steps<void> {
    yield;
    if ((captions ? /^(aside|nav|footer)$/i : /^(figure|figcaption|aside|nav|footer)$/i).test(el.tagName)) return;
    const isBlock = el.matches(BLOCK_SELECTOR);
    const hasInnerBlock = el.querySelector(BLOCK_SELECTOR) !== null;
    // The innermost blocks carry the text; an outer block would repeat it.
    if (!hasInnerBlock && (isBlock || (LOOSE_TEXT_CONTAINERS.test(el.tagName) && hasLooseText(el)))) {
      // Lines set with <br>s: each break is a space, a double break a new paragraph.
      if (el.querySelector('br') !== null) yield* runs(el, kindOf(el));
      else push(clean(el.textContent), kindOf(el), linkChars(el));
      return;
    }
    if (!hasInnerBlock || !hasLooseText(el)) {
      for (const child of Array.from(el.children)) yield* visit(child);
      return;
    }
    yield* runs(el, 'p');
  }
  /** The runs of inline content of `el` between its blocks and double line breaks. */
  function* runs(el: Element, kind: BlockKind): Steps<void> {
    let run = '';
    let runLinks = 0;
    let breaks = 0;
    const flush = (): void => {
      push(clean(run), kind, runLinks);
      run = '';
      runLinks = 0;
    };
    function* add(node: Node): Steps<void> {
      if (node.nodeType === 1 && (node as Element).tagName.toLowerCase() === 'br') {
        if (++breaks >= 2) flush();
        else run += ' ';
        return;
      }
      if (node.nodeType === 3 && (node.textContent ?? '').trim() === '') {
        run += ' ';
        return;
      }
      if (node.nodeType === 1) {
        const child = node as Element;
        if (BLOCK_LEVEL.test(child.tagName) || child.querySelector(BLOCK_SELECTOR) !== null) {
          breaks = 0;
          flush();
          yield* visit(child);
          return;
        }
        // Inline markup holding line breaks (<span>line<br><br>line</span>): its parts join the runs.
        if (child.querySelector('br') !== null && child.tagName.toLowerCase() !== 'a') {
          for (const n of Array.from(child.childNodes)) yield* add(n);
          return;
        }
      }
      if (node.nodeType === 1 || node.nodeType === 3) {
        breaks = 0;
        run += node.textContent ?? '';
        runLinks += linkChars(node);
      }
    }
    for (const node of Array.from(el.childNodes)) yield* add(node);
    flush();
  }
  yield* visit(root);
  return found;
}

function hasLooseText(el: Element): boolean {
  return Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim().length > 0);
}

function kindOf(el: Element): BlockKind {
  const tag = el.tagName.toLowerCase();
  if (tag === 'li') return 'li';
  if (tag === 'blockquote') return 'blockquote';
  if (/^h[2-6]$/.test(tag)) return 'h';
  return 'p';
}

function cloneDocument(doc: Document): Document {
  const copy = doc.cloneNode(true) as Document;
  if (copy.documentElement !== null && copy.body !== null) return copy;
  // Fallback for DOMs whose document clone is shallow.
  const fresh = doc.implementation.createHTMLDocument(doc.title);
  fresh.replaceChild(fresh.importNode(doc.documentElement, true), fresh.documentElement);
  return fresh;
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t === undefined || t.length === 0 ? undefined : t;
}
