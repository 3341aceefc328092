import { CARD_EDGE, CARD_GAP, MIN_SQUEEZED_HEIGHT } from './config';

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

const GAP = CARD_GAP;
const EDGE = CARD_EDGE;

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, Math.max(min, max)));

const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A box from its left, top, width and height. */
export const boxAt = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

/** The largest height the card may have in a viewport: the window less an edge above and below. */
export function maxCardHeight(viewport: { height: number }): number {
  return Math.max(0, viewport.height - 2 * EDGE);
}

/**
 * Where to put the card beside a sentence (viewport coordinates), from the
 * card's measured size. Never over the sentence itself (a card covering its
 * own trigger steals the hover), when there is room never over the boxes in
 * `avoid` (the next marked sentence, which the reader goes on to), and
 * preferably not over those in `spare` (the other marked sentences in view).
 *
 * Tried in order: to the sentence's right (against it, then past the lines
 * of `avoid` and `spare` that share its rows, where they run further out),
 * its left (likewise), below, above, each only where the whole card fits in
 * the viewport. The first of these that covers nothing in `avoid` or `spare`
 * wins, else the first that covers nothing in `avoid`; else the card is
 * shrunk to fit between the sentence and the next box of `avoid` below or
 * above, when that leaves it a useful height; else the first that fits whole; else the roomier of below/above,
 * with `maxHeight` shrinking the card there (it scrolls). The card is never
 * taller than the viewport less its edges.
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  avoid: readonly Box[] = [],
  spare: readonly Box[] = [],
): CardPlacement {
  const fullHeight = maxCardHeight(viewport);
  const width = Math.min(card.width, Math.max(0, viewport.width - 2 * EDGE));
  const height = Math.min(card.height, fullHeight);
  const sideTop = clamp(anchor.top, EDGE, viewport.height - EDGE - height);
  const flowLeft = clamp(anchor.left, EDGE, viewport.width - EDGE - width);

  // Beside the sentence, first hard against it, then past the other boxes
  // that share its rows (the next sentence's line may run further out).
  const inRows = (boxes: readonly Box[]): Box[] => boxes.filter((b) => b.top < sideTop + height && sideTop < b.bottom);
  const rowSets = [[], inRows(avoid), inRows([...avoid, ...spare])];
  const rightEdges = rowSets.map((rows) => Math.max(anchor.right, ...rows.map((b) => b.right)));
  const leftEdges = rowSets.map((rows) => Math.min(anchor.left, ...rows.map((b) => b.left)));
  const whole: CardPlacement[] = [];
  for (const edge of new Set(rightEdges)) {
    if (edge + GAP + width <= viewport.width - EDGE) whole.push({ top: sideTop, left: edge + GAP, side: 'right', maxHeight: fullHeight });
  }
  for (const edge of new Set(leftEdges)) {
    if (edge - GAP - width >= EDGE) whole.push({ top: sideTop, left: edge - GAP - width, side: 'left', maxHeight: fullHeight });
  }
  if (anchor.bottom + GAP + height <= viewport.height - EDGE) {
    whole.push({ top: anchor.bottom + GAP, left: flowLeft, side: 'below', maxHeight: fullHeight });
  }
  if (anchor.top - GAP - height >= EDGE) {
    whole.push({ top: anchor.top - GAP - height, left: flowLeft, side: 'above', maxHeight: fullHeight });
  }

  const clearOf =
    (boxes: readonly Box[]) =>
    (p: CardPlacement): boolean =>
      !boxes.some((b) => overlaps(boxAt(p.left, p.top, width, height), b));
  const clear = whole.find(clearOf([...avoid, ...spare])) ?? whole.find(clearOf(avoid));
  if (clear) return clear;

  const squeezed = squeeze(anchor, width, height, flowLeft, viewport, avoid);
  if (squeezed) return squeezed;
  if (whole[0]) return whole[0];

  const roomBelow = viewport.height - EDGE - (anchor.bottom + GAP);
  const roomAbove = anchor.top - GAP - EDGE;
  if (roomBelow >= roomAbove && roomBelow > 0) {
    return { top: anchor.bottom + GAP, left: flowLeft, side: 'below', maxHeight: roomBelow };
  }
  if (roomAbove > 0) {
    const shrunk = Math.min(height, roomAbove);
    return { top: anchor.top - GAP - shrunk, left: flowLeft, side: 'above', maxHeight: roomAbove };
  }
  // The sentence fills the viewport: nothing can avoid it, so keep the card inside the viewport.
  return { top: EDGE, left: flowLeft, side: 'below', maxHeight: fullHeight };
}

/** Below or above the sentence, shrunk to stop short of the nearest box to avoid in its column, if that leaves enough. */
function squeeze(
  anchor: Box,
  width: number,
  height: number,
  left: number,
  viewport: { width: number; height: number },
  avoid: readonly Box[],
): CardPlacement | null {
  const column = avoid.filter((b) => b.left < left + width && left < b.right);
  const belowTop = anchor.bottom + GAP;
  const belowStop = Math.min(viewport.height - EDGE, ...column.filter((b) => b.bottom > belowTop).map((b) => b.top - GAP));
  const aboveBottom = anchor.top - GAP;
  const aboveStop = Math.max(EDGE, ...column.filter((b) => b.top < aboveBottom).map((b) => b.bottom + GAP));
  const roomBelow = belowStop - belowTop;
  const roomAbove = aboveBottom - aboveStop;
  const useful = Math.min(height, MIN_SQUEEZED_HEIGHT);
  if (roomBelow >= useful && roomBelow >= roomAbove) {
    return { top: belowTop, left, side: 'below', maxHeight: roomBelow };
  }
  if (roomAbove >= useful) {
    return { top: aboveBottom - Math.min(height, roomAbove), left, side: 'above', maxHeight: roomAbove };
  }
  return null;
}

/**
 * The card's final top once it has been given `placement.maxHeight` and
 * measured again at `height`: a card above its sentence ends just above it,
 * and no card leaves the viewport.
 */
export function settleTop(placement: CardPlacement, anchor: Box, height: number, viewport: { height: number }): number {
  const top = placement.side === 'above' ? anchor.top - GAP - height : placement.top;
  return clamp(top, EDGE, viewport.height - EDGE - height);
}
