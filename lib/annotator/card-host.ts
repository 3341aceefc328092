import { h, render } from 'preact';
import { Card } from '../../components/Card';
import { CARD_CSS } from '../../components/card/card-style';
import type { MarkedSentence } from '../types';
import { placeCard, type Box } from './place-card';

export const CARD_TAG = 'parallax-card';

export interface CardHostHandlers {
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
}

export interface CardHost {
  /** Shows the card for `sentence` beside `anchor` (viewport coordinates). */
  open(sentence: MarkedSentence, anchor: Box): void;
  /** Moves the open card to follow its sentence (scroll, resize). */
  place(anchor: Box): void;
  close(): void;
  /** Moves keyboard focus into the open card. */
  focus(): void;
  /** Whether `node` is the card or inside it (events from the shadow root are retargeted to the host). */
  contains(node: Node | null): boolean;
  destroy(): void;
}

/**
 * One card per page, hosted in `<parallax-card>` with an open shadow root so
 * neither the page's CSS nor ours leaks across. The host is appended to the
 * document element, outside the body that pages re-render.
 */
export function createCardHost(doc: Document, handlers: CardHostHandlers): CardHost {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;

  const ensureHost = (): { host: HTMLElement; mount: HTMLElement } => {
    if (host && mount) {
      if (!host.isConnected) doc.documentElement.appendChild(host);
      return { host, mount };
    }
    const el = doc.createElement(CARD_TAG);
    el.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;display:block;';
    el.addEventListener('mouseenter', () => handlers.onPointerEnter());
    el.addEventListener('mouseleave', () => handlers.onPointerLeave());
    const shadow = el.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    const div = doc.createElement('div');
    shadow.append(style, div);
    doc.documentElement.appendChild(el);
    host = el;
    mount = div;
    return { host: el, mount: div };
  };

  const cardElement = (): HTMLElement | null => (mount?.firstElementChild as HTMLElement | null) ?? null;

  const place = (anchor: Box): void => {
    const card = cardElement();
    if (!host || !card) return;
    const view = doc.defaultView;
    const viewport = { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 };
    // Measure at the card's natural height, then constrain it to the room on the chosen side.
    card.style.removeProperty('--px-max-height');
    const rect = card.getBoundingClientRect();
    const size = { width: rect.width || 380, height: rect.height || 240 };
    const spot = placeCard(anchor, size, viewport);
    card.style.setProperty('--px-max-height', `${Math.floor(spot.maxHeight)}px`);
    host.style.top = `${Math.round(spot.top)}px`;
    host.style.left = `${Math.round(spot.left)}px`;
    host.setAttribute('data-side', spot.side);
  };

  return {
    open(sentence, anchor) {
      const { mount: target } = ensureHost();
      render(h(Card, { sentence, onClose: handlers.onClose }), target);
      cardElement()?.setAttribute('tabindex', '-1');
      place(anchor);
    },
    place,
    close() {
      if (mount) render(null, mount);
      host?.remove();
    },
    focus() {
      cardElement()?.focus();
    },
    contains(node) {
      return !!host && !!node && (node === host || host.contains(node));
    },
    destroy() {
      if (mount) render(null, mount);
      host?.remove();
      host = null;
      mount = null;
    },
  };
}
