import { describe, expect, test } from 'vitest';
import { boxAt as box, maxCardHeight, placeCard, settleTop } from '../../lib/annotator/place-card';

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

  test('never taller than the window: a card taller than the viewport is limited to it', () => {
    const huge = { width: 360, height: 5000 };
    for (const anchor of [box(100, 200, 300, 40), box(50, 100, 1100, 60), box(50, 700, 1100, 60)]) {
      const placed = placeCard(anchor, huge, viewport);
      const height = Math.min(huge.height, placed.maxHeight);
      expect(placed.maxHeight).toBeLessThanOrEqual(maxCardHeight(viewport));
      expect(placed.top).toBeGreaterThanOrEqual(0);
      expect(placed.top + height).toBeLessThanOrEqual(viewport.height);
    }
  });

  test('below would cover the next marked sentence: the card goes above instead', () => {
    const anchor = box(50, 380, 1100, 40);
    const next = box(50, 440, 1100, 40);
    expect(placeCard(anchor, card, viewport).side).toBe('below');
    const placed = placeCard(anchor, card, viewport, [next]);
    expect(placed.side).toBe('above');
    expect(placed.top + card.height).toBeLessThanOrEqual(anchor.top);
  });

  test('with no room above, the card is shortened to stop before the next marked sentence', () => {
    const anchor = box(50, 60, 1100, 40);
    const next = box(50, 420, 1100, 40);
    const placed = placeCard(anchor, { width: 360, height: 500 }, viewport, [next]);
    expect(placed.side).toBe('below');
    expect(placed.top).toBeGreaterThanOrEqual(anchor.bottom);
    expect(placed.top + placed.maxHeight).toBeLessThanOrEqual(next.top);
  });

  test('when no side avoids the next sentence, the card still never covers its own', () => {
    const anchor = box(50, 100, 1100, 40);
    const next = box(50, 150, 1100, 40);
    const placed = placeCard(anchor, card, viewport, [next]);
    const height = Math.min(card.height, placed.maxHeight);
    const coversSentence = placed.top < anchor.bottom && placed.top + height > anchor.top;
    expect(coversSentence).toBe(false);
    expect(placed.top + height).toBeLessThanOrEqual(viewport.height);
  });

  test('a 400 px window: the card keeps within its width, below the sentence', () => {
    const narrow = { width: 400, height: 800 };
    const anchor = box(16, 120, 368, 60);
    const placed = placeCard(anchor, { width: 380, height: 300 }, narrow);
    expect(placed.side).toBe('below');
    expect(placed.left).toBeGreaterThanOrEqual(8);
    expect(placed.left + 380).toBeLessThanOrEqual(narrow.width - 8);
  });

  test('settleTop puts a shrunk card just above its sentence and inside the window', () => {
    const anchor = box(50, 500, 1100, 40);
    const placed = placeCard(anchor, { width: 360, height: 700 }, viewport);
    expect(placed.side).toBe('above');
    const measured = Math.min(700, placed.maxHeight);
    const top = settleTop(placed, anchor, measured, viewport);
    expect(top + measured).toBe(anchor.top - 8);
    expect(settleTop({ ...placed, side: 'below', top: 780 }, anchor, 200, viewport)).toBe(viewport.height - 8 - 200);
  });

  test("beside the sentence, past the next sentence's line where it runs further out", () => {
    const anchor = box(90, 0, 750, 43);
    const next = box(90, 67, 773, 43);
    const placed = placeCard(anchor, { width: 380, height: 600 }, { width: 1280, height: 900 }, [next]);
    expect(placed.side).toBe('right');
    expect(placed.left).toBe(next.right + 8);
  });

  test('beside the sentence, past the other marked sentences in its rows too, when the window allows', () => {
    const anchor = box(596, 480, 240, 45);
    const previous = box(90, 420, 773, 45);
    const next = box(90, 680, 600, 20);
    const tall = { width: 380, height: 880 };
    const vp = { width: 1280, height: 900 };
    expect(placeCard(anchor, tall, vp, [next]).left).toBe(anchor.right + 8);
    const placed = placeCard(anchor, tall, vp, [next], [previous]);
    expect(placed.side).toBe('right');
    expect(placed.left).toBe(previous.right + 8);
  });

  test('the other marked sentences give way when only covering one of them keeps the next one clear', () => {
    const anchor = box(50, 380, 1100, 40);
    const previous = box(50, 300, 1100, 40);
    const next = box(50, 440, 1100, 40);
    const placed = placeCard(anchor, card, viewport, [next], [previous]);
    expect(placed.side).toBe('above');
  });
});
