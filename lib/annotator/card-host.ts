import type { MarkedSentence } from '../types';
import { maxCardHeight, placeCard, settleTop, type Box } from './place-card';

export type TabDirection = 'forward' | 'back';

/**
 * Draws the card's content: given by the extension's glue (the Preact card
 * of components/), so this layer imports no UI.
 */
export interface CardRenderer {
  /** The card's style sheet, put inside the shadow root. */
  css: string;
  render(target: Element, sentence: MarkedSentence, onClose: () => void): void;
  clear(target: Element): void;
}

export interface CardHostHandlers {
  renderer: CardRenderer;
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
  /**
   * Tab past the card's last control (`forward`) or Shift+Tab before its
   * first (`back`). Returns whether it moved focus itself; if not, the key
   * goes on to the browser.
   */
  onTabOut(direction: TabDirection): boolean;
}

export interface CardHost {
  /**
   * Shows the card for `sentence` beside `anchor` (viewport coordinates),
   * covering none of `avoid` when it can, and preferably none of `spare`.
   */
  open(sentence: MarkedSentence, anchor: Box, avoid?: readonly Box[], spare?: readonly Box[]): void;
  /** Moves the open card to follow its sentence (scroll, resize). */
  place(anchor: Box, avoid?: readonly Box[], spare?: readonly Box[]): void;
  close(): void;
  /** Moves keyboard focus into the open card. */
  focus(): void;
  /** Whether `node` is the card's host (events from inside the shadow root reach the page retargeted to it). */
  contains(node: Node | null): boolean;
  /**
   * The card's shadow root, for the extension's own code and its tests. The
   * root is closed: the page gets no reference to it, and this object lives
   * only in the content script's world.
   */
  root(): ShadowRoot | null;
  destroy(): void;
}

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * One card per page, in a CLOSED shadow root on a plain `<div>` appended to
 * the document element (outside the body that pages re-render). The page can
 * neither read nor rewrite what the card shows (other outlets' sentences,
 * times, addresses): it sees an empty, zero-sized div. A plain element
 * rather than a custom one, so no custom element definition of the page's
 * can take the host over.
 */
export function createCardHost(doc: Document, handlers: CardHostHandlers): CardHost {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let mount: HTMLElement | null = null;

  const ensureHost = (): HTMLElement => {
    if (host && mount) {
      if (!host.isConnected) doc.documentElement.appendChild(host);
      return mount;
    }
    const el = doc.createElement('div');
    el.addEventListener('mouseenter', () => handlers.onPointerEnter());
    el.addEventListener('mouseleave', () => handlers.onPointerLeave());
    const root = el.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = handlers.renderer.css;
    const div = doc.createElement('div');
    root.append(style, div);
    root.addEventListener('keydown', onKeyDown);
    doc.documentElement.appendChild(el);
    host = el;
    shadow = root;
    mount = div;
    return div;
  };

  const cardElement = (): HTMLElement | null => (mount?.firstElementChild as HTMLElement | null) ?? null;

  // Keeps Tab in reading order: the host sits at the end of the document, so
  // without this Tab from the last link would leave the article altogether.
  function onKeyDown(e: Event): void {
    const key = e as KeyboardEvent;
    if (key.key !== 'Tab' || key.altKey || key.ctrlKey || key.metaKey) return;
    const card = cardElement();
    if (!card) return;
    const focusable = Array.from(card.querySelectorAll<HTMLElement>(FOCUSABLE));
    const at = key.target as HTMLElement | null;
    const leaving = key.shiftKey
      ? at === card || at === focusable[0] || focusable.length === 0
      : at === focusable[focusable.length - 1] || focusable.length === 0;
    if (!leaving) return;
    if (handlers.onTabOut(key.shiftKey ? 'back' : 'forward')) key.preventDefault();
  }

  const viewportSize = (): { width: number; height: number } => {
    const view = doc.defaultView;
    const html = doc.documentElement;
    // The fixed card's containing block is the viewport less its scroll bars.
    return {
      width: html.clientWidth || view?.innerWidth || 1024,
      height: html.clientHeight || view?.innerHeight || 768,
    };
  };

  const place = (anchor: Box, avoid: readonly Box[] = [], spare: readonly Box[] = []): void => {
    const card = cardElement();
    if (!host || !card) return;
    const viewport = viewportSize();
    // Measure at the most the window allows, place from that real size,
    // then measure again once limited to the room on the chosen side.
    card.style.maxHeight = `${maxCardHeight(viewport)}px`;
    const natural = card.getBoundingClientRect();
    const size = { width: natural.width || 380, height: natural.height || 240 };
    const spot = placeCard(anchor, size, viewport, avoid, spare);
    card.style.maxHeight = `${Math.floor(Math.min(spot.maxHeight, maxCardHeight(viewport)))}px`;
    const height = card.getBoundingClientRect().height || Math.min(size.height, spot.maxHeight);
    card.style.top = `${Math.round(settleTop(spot, anchor, height, viewport))}px`;
    card.style.left = `${Math.round(spot.left)}px`;
    card.setAttribute('data-side', spot.side);
  };

  return {
    open(sentence, anchor, avoid, spare) {
      const target = ensureHost();
      handlers.renderer.render(target, sentence, handlers.onClose);
      cardElement()?.setAttribute('tabindex', '-1');
      place(anchor, avoid, spare);
    },
    place,
    close() {
      if (mount) handlers.renderer.clear(mount);
      host?.remove();
    },
    focus() {
      cardElement()?.focus();
    },
    contains(node) {
      return !!host && !!node && node === host;
    },
    root() {
      return host?.isConnected && cardElement() ? shadow : null;
    },
    destroy() {
      if (mount) handlers.renderer.clear(mount);
      shadow?.removeEventListener('keydown', onKeyDown);
      host?.remove();
      host = null;
      shadow = null;
      mount = null;
    },
  };
}
