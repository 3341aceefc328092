/**
 * Wire copies: an article whose body is a near-duplicate of an earlier
 * article from another outlet reprints it, and counts with it as one source.
 * Texts are compared as sets of hashed word 5-grams; the share of the shorter
 * text's shingles found in the other (containment) tolerates a copy that was
 * trimmed or given an extra paragraph.
 */
import { tokenize } from '../text/tokens';
import { parseTime } from './stories';
import { MAX_REPRINT_HOPS, MIN_SHINGLES, REPRINT_CONTAINMENT, SHINGLE, SIGNATURE_SIZE } from './story-config';

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of the text's word 5-grams (lower-cased words, punctuation ignored). */
export function shingles(text: string): Set<number> {
  const words = tokenize(text).map((t) => t.norm);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

/** A compact sketch to store: the smallest shingle hashes, ascending. */
export function shingleSignature(text: string): number[] {
  return [...shingles(text)].sort((a, b) => a - b).slice(0, SIGNATURE_SIZE);
}

/** Estimated containment of the smaller text in the other, from two bottom-k signatures. */
export function signatureContainment(a: number[], b: number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const set = new Set(large);
  const limit = large[large.length - 1]!;
  let seen = 0;
  let shared = 0;
  for (const h of small) {
    // Beyond the larger sketch's range membership is unknown; skip those hashes.
    if (large.length === SIGNATURE_SIZE && h > limit) continue;
    seen++;
    if (set.has(h)) shared++;
  }
  return seen ? shared / seen : 0;
}

export function containment(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / small.size;
}

export interface ReprintCandidate {
  id: string;
  outlet: string;
  text: string;
  publishedAt?: string;
}

/**
 * The id of the article `text` reprints, or null. Only candidates from other
 * outlets published no later than this one (when both times are known)
 * qualify; the earliest of the copies is the original.
 */
export function findReprintOf(
  text: string,
  candidates: ReprintCandidate[],
  self?: { outlet?: string; publishedAt?: string },
): string | null {
  const mine = shingles(text);
  if (mine.size < MIN_SHINGLES) return null;
  const myTime = parseTime(self?.publishedAt);
  let best: { id: string; time: number; c: number } | null = null;
  for (const cand of candidates) {
    if (self?.outlet !== undefined && cand.outlet === self.outlet) continue;
    const theirTime = parseTime(cand.publishedAt);
    if (myTime !== undefined && theirTime !== undefined && theirTime > myTime) continue;
    const theirs = shingles(cand.text);
    if (theirs.size < MIN_SHINGLES) continue;
    const c = containment(mine, theirs);
    if (c < REPRINT_CONTAINMENT) continue;
    const time = theirTime ?? Infinity;
    if (!best || time < best.time || (time === best.time && c > best.c)) best = { id: cand.id, time, c };
  }
  return best?.id ?? null;
}

/* Wire-copy families: the one definition of who belongs to which (lib/pipeline/families.ts builds on it). */

/**
 * The original an article copies, following `reprintOf` while the original
 * is still present in `byId`; an article that copies nothing is its own root.
 */
export function reprintRoot(id: string, byId: ReadonlyMap<string, { reprintOf?: string }>): string {
  let cur = id;
  for (let hops = 0; hops < MAX_REPRINT_HOPS; hops++) {
    const next = byId.get(cur)?.reprintOf;
    if (!next || !byId.has(next) || next === id) break;
    cur = next;
  }
  return cur;
}

/**
 * The source an article speaks for: the original it copies, or itself. One
 * hop is the whole chain for articles the capture pipeline stored, since a
 * copy always points at its family's original (copies of a copy are
 * re-pointed when the original arrives).
 */
export function sourceOf(article: { id: string; reprintOf?: string }): string {
  return article.reprintOf ?? article.id;
}
