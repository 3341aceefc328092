import type { Locator, Page } from '@playwright/test';

/** What the test sees of the card: read through the DevTools protocol, which sees closed shadow roots. */
export interface CardView {
  text: string;
  /** Every link's address, in order. */
  links: string[];
  /** The card's box in viewport coordinates. */
  box: { x: number; y: number; width: number; height: number };
  /** The card element's own scroll size, to tell whether its content scrolls. */
  scrollHeight: number;
  /** Text (or tag) of the element focused inside the card, or null. */
  focused: string | null;
  /** Whether the focused element is the card's last link. */
  focusedIsLastLink: boolean;
  /** Whether the focused element is the card's first control. */
  focusedIsFirstControl: boolean;
  /** The last link's box in viewport coordinates. */
  lastLinkBox: { x: number; y: number; width: number; height: number } | null;
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  shadowRootType?: string;
}

/** The closed shadow root holding a `[role=dialog]`, searched in the whole pierced tree. */
function findCardRoot(node: CdpNode): CdpNode | null {
  const hasDialog = (n: CdpNode): boolean => {
    const attrs = n.attributes ?? [];
    for (let i = 0; i + 1 < attrs.length; i += 2) if (attrs[i] === 'role' && attrs[i + 1] === 'dialog') return true;
    return (n.children ?? []).some(hasDialog);
  };
  for (const root of node.shadowRoots ?? []) {
    if (root.shadowRootType === 'closed' && hasDialog(root)) return root;
  }
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findCardRoot(child);
    if (found) return found;
  }
  return null;
}

/**
 * Reads the open card, or null when none is open. Playwright's locators do
 * not enter closed shadow roots, and neither can the page; the DevTools
 * protocol's pierced DOM does.
 */
export async function readCard(page: Page): Promise<CardView | null> {
  // The card may close between reading the tree and resolving its node: read again then.
  for (let attempt = 0; ; attempt++) {
    try {
      return await readCardOnce(page);
    } catch (error) {
      if (attempt >= 4 || !/No node with given id/i.test(String(error))) throw error;
    }
  }
}

async function readCardOnce(page: Page): Promise<CardView | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const cardRoot = findCardRoot(root);
    if (!cardRoot) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: cardRoot.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      returnByValue: true,
      functionDeclaration: `function () {
        const card = this.querySelector('[role="dialog"]');
        if (!card) return null;
        const r = card.getBoundingClientRect();
        const links = Array.from(card.querySelectorAll('a[href]'));
        const controls = Array.from(card.querySelectorAll('a[href], button'));
        const active = this.activeElement;
        return {
          text: card.innerText,
          links: links.map((a) => a.href),
          box: { x: r.x, y: r.y, width: r.width, height: r.height },
          scrollHeight: card.scrollHeight,
          focused: active ? (active.innerText || active.getAttribute('aria-label') || active.tagName) : null,
          focusedIsLastLink: !!active && active === links[links.length - 1],
          focusedIsFirstControl: !!active && active === controls[0],
          lastLinkBox: links.length ? (({ x, y, width, height }) => ({ x, y, width, height }))(links[links.length - 1].getBoundingClientRect()) : null,
        };
      }`,
    });
    return (result.value as CardView | null) ?? null;
  } finally {
    await cdp.detach();
  }
}

/** Waits until the card is open and `check` holds for it; returns it. */
export async function waitForCard(page: Page, check: (card: CardView) => boolean = () => true, timeoutMs = 10_000): Promise<CardView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await readCard(page);
    if (last && check(last)) return last;
    if (Date.now() > deadline) throw new Error(`no card matching the check opened; last seen: ${JSON.stringify(last)}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until no card is open. */
export async function waitForNoCard(page: Page, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await readCard(page)) {
    if (Date.now() > deadline) throw new Error('the card stayed open');
    await page.waitForTimeout(100);
  }
}

/** Our marks: plain <mark> elements with a sentence index. */
export const MARKS = 'mark[data-parallax-index]';

/** The marked sentence (first segment of its mark) that contains `text`. */
export function markWith(page: Page, text: string): Locator {
  return page.locator(`${MARKS}[tabindex="0"]`, { hasText: text });
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The line boxes of every segment of the sentence whose first mark is `mark`. */
export async function sentenceRects(mark: Locator): Promise<Rect[]> {
  return mark.evaluate((el) => {
    const index = el.getAttribute('data-parallax-index');
    const parts = Array.from(document.querySelectorAll(`mark[data-parallax-index="${index}"]`));
    return parts.flatMap((p) => Array.from(p.getClientRects()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  });
}
