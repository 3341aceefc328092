/** Character trigrams of a vocabulary term, with start/end markers so short words still have grams. */
export function termGrams(term: string): string[] {
  const padded = `^${term}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}
