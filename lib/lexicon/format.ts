/**
 * Shape of the generated lexicon asset (lib/lexicon/generated/lexicon.json),
 * written by scripts/build-lexicon.ts and read by lib/lexicon/lexicon.ts.
 */
export interface LexiconAsset {
  version: 1;
  /** Where the data came from, with licences. */
  sources: string[];
  /** Lower-case words and two-word expressions ("pull out"), newline-separated; word id = line number. */
  words: string;
  /** base64 varints, per word: count, then ascending synset ids as deltas. */
  synsets: string;
  /** base64 varints, per synset: count, then ascending ids of its direct hypernyms as deltas. */
  hypernyms: string;
  /** base64 varints, per word: id of its morphological family (inflections and derivations), 0 for none. */
  families: string;
  /** base64 varints, per word: 1 + word id of its dictionary form when that differs ("pulled" → "pull"), else 0. */
  lemmas: string;
  /**
   * base64 bytes, per word: background rarity 0–255, log of its frequency rank
   * in GloVe's corpus (Wikipedia + Gigaword newswire), 255 = rarer than the vocabulary.
   */
  rarity: string;
  /** Word vectors of the first `count` words, reduced and quantised. */
  vectors: {
    count: number;
    dims: number;
    /** base64 int8, `count × dims`, each vector scaled on its own (only cosines are used). */
    data: string;
  };
}
