import { describe, expect, test } from 'vitest';
import { placeCard, type Box } from '../../lib/annotator/place-card';

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

const viewport = { width: 1200, height: 800 };
const card = { width: 360, height: 300 };

describe('placeCard', () => {
  test.each([
    // name, anchor, card, viewport, expected side, top, left
    ['narrow sentence on the left: to its right', box(100, 200, 300, 40), card, viewport, 'right', 200, 408],
    ['sentence near the right edge: to its left', box(700, 200, 400, 40), card, viewport, 'left', 200, 332],
    ['full-width sentence high up: below', box(50, 100, 1100, 60), card, viewport, 'below', 168, 50],
    ['full-width sentence low down: above', box(50, 600, 1100, 60), card, viewport, 'above', 292, 50],
    ['side placement clamped to the bottom edge', box(100, 700, 300, 40), card, viewport, 'right', 492, 408],
    ['side placement clamped to the top edge', box(100, -50, 300, 40), card, viewport, 'right', 8, 408],
    ['below, clamped to the right edge', box(350, 100, 240, 60), card, { width: 600, height: 800 }, 'below', 168, 232],
    ['narrow viewport: below, clamped to the left edge', box(-20, 100, 400, 40), card, { width: 380, height: 800 }, 'below', 148, 8],
  ] as const)('%s', (_name, anchor, size, vp, side, top, left) => {
    const placed = placeCard(anchor, size, vp);
    expect(placed).toMatchObject({ side, top, left });
  });

  test.each([
    ['below', box(50, 250, 1100, 40)],
    ['above', box(50, 500, 1100, 40)],
  ] as const)('a card too tall for either side goes %s, shrunk so it never covers the sentence', (side, anchor) => {
    const tall = { width: 360, height: 700 };
    const placed = placeCard(anchor, tall, viewport);
    expect(placed.side).toBe(side);
    const bottom = placed.top + Math.min(tall.height, placed.maxHeight);
    const coversSentence = placed.top < anchor.bottom && bottom > anchor.top;
    expect(coversSentence).toBe(false);
    expect(placed.top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(viewport.height);
  });

  test('the card always ends inside the viewport', () => {
    for (const anchor of [box(0, 0, 10, 10), box(1190, 790, 10, 10), box(500, 400, 200, 20)]) {
      const placed = placeCard(anchor, card, viewport);
      expect(placed.left).toBeGreaterThanOrEqual(0);
      expect(placed.left + card.width).toBeLessThanOrEqual(viewport.width);
      expect(placed.top + Math.min(card.height, placed.maxHeight)).toBeLessThanOrEqual(viewport.height);
    }
  });
});
