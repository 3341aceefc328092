export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
  width: number;
  height: number;
}

export type CardSide = 'right' | 'left' | 'below' | 'above';

export interface CardPlacement {
  top: number;
  left: number;
  side: CardSide;
  /** The height the card may take there without covering the sentence or leaving the viewport. */
  maxHeight: number;
}

/** Space between the sentence and the card, and between the card and the viewport's edge. */
const GAP = 8;
const EDGE = 8;

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, Math.max(min, max)));

/**
 * Where to put the card beside a sentence (viewport coordinates): to its
 * right, else its left, else below, else above, and never over the sentence
 * itself (a card covering its own trigger steals the hover). When no side
 * has room for the whole card, the roomier of below/above is chosen and
 * `maxHeight` shrinks the card to fit there (it scrolls).
 */
export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): CardPlacement {
  const fullHeight = Math.max(0, viewport.height - 2 * EDGE);
  const height = Math.min(card.height, fullHeight);
  const sideTop = clamp(anchor.top, EDGE, viewport.height - EDGE - height);

  if (anchor.right + GAP + card.width <= viewport.width - EDGE) {
    return { top: sideTop, left: anchor.right + GAP, side: 'right', maxHeight: fullHeight };
  }
  if (anchor.left - GAP - card.width >= EDGE) {
    return { top: sideTop, left: anchor.left - GAP - card.width, side: 'left', maxHeight: fullHeight };
  }

  const left = clamp(anchor.left, EDGE, viewport.width - EDGE - card.width);
  const roomBelow = viewport.height - EDGE - (anchor.bottom + GAP);
  const roomAbove = anchor.top - GAP - EDGE;
  if (card.height <= roomBelow) {
    return { top: anchor.bottom + GAP, left, side: 'below', maxHeight: roomBelow };
  }
  if (card.height <= roomAbove) {
    return { top: anchor.top - GAP - card.height, left, side: 'above', maxHeight: roomAbove };
  }
  if (roomBelow >= roomAbove && roomBelow > 0) {
    return { top: anchor.bottom + GAP, left, side: 'below', maxHeight: roomBelow };
  }
  if (roomAbove > 0) {
    const shrunk = Math.min(card.height, roomAbove);
    return { top: anchor.top - GAP - shrunk, left, side: 'above', maxHeight: roomAbove };
  }
  // The sentence fills the viewport: nothing can avoid it, so keep the card inside the viewport.
  return { top: EDGE, left, side: 'below', maxHeight: fullHeight };
}
