// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { cardRenderer } from '../../components/card/render-card';
import { createCardHost, type CardHost } from '../../lib/annotator/card-host';
import { boxAt as box } from '../../lib/annotator/place-card';
import { ANNOTATION } from './sample-annotation';

let host: CardHost | null = null;
let restore: (() => void) | null = null;
afterEach(() => {
  host?.destroy();
  host = null;
  restore?.();
  restore = null;
});

/**
 * happy-dom lays nothing out: the card's box is stood in for by what CSS
 * would give it, a natural height limited by the max-height it is given.
 */
function withLayout(natural: { width: number; height: number }): () => HTMLElement {
  const card = (): HTMLElement => host?.root()?.querySelector<HTMLElement>('[role="dialog"]') as HTMLElement;
  const original = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement): DOMRect {
    if (this !== card()) return original.call(this);
    const limit = parseFloat(this.style.maxHeight) || Infinity;
    const height = Math.min(natural.height, limit);
    const top = parseFloat(this.style.top) || 0;
    const left = parseFloat(this.style.left) || 0;
    return {
      x: left,
      y: top,
      top,
      left,
      width: natural.width,
      height,
      right: left + natural.width,
      bottom: top + height,
      toJSON() {},
    } as DOMRect;
  };
  restore = () => {
    HTMLElement.prototype.getBoundingClientRect = original;
  };
  return card;
}

const noop = { renderer: cardRenderer, onClose() {}, onPointerEnter() {}, onPointerLeave() {}, onTabOut: () => false };

test('a card taller than the window is placed from its measured, limited height and ends inside the window', () => {
  const card = withLayout({ width: 380, height: 2000 });
  host = createCardHost(document, noop);
  const sentence = ANNOTATION.marked[0]!;
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  // A full-width sentence low in the window: the card goes above it, shrunk to the room there.
  const anchor = box(20, viewport.height - 120, viewport.width - 40, 40);
  host.open(sentence, anchor);
  const rect = card().getBoundingClientRect();
  expect(rect.height).toBeLessThanOrEqual(viewport.height - 16);
  expect(rect.top).toBeGreaterThanOrEqual(8);
  expect(rect.bottom).toBeLessThanOrEqual(anchor.top);
  expect(card().getAttribute('data-side')).toBe('above');
});

test('beside a short sentence, a tall card is limited to the window, not to a fraction of it', () => {
  const card = withLayout({ width: 380, height: 2000 });
  host = createCardHost(document, noop);
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  host.open(ANNOTATION.marked[0]!, box(20, 300, 200, 20));
  const rect = card().getBoundingClientRect();
  expect(card().getAttribute('data-side')).toBe('right');
  expect(rect.height).toBe(viewport.height - 16);
  expect(rect.top).toBe(8);
  expect(rect.bottom).toBeLessThanOrEqual(viewport.height - 8);
});
