/**
 * Settings of the data layer's batched reads (lib/corpus/batch.ts).
 */
export const BATCH_READS = {
  /**
   * Term keys per key-range read, and the rows such a range may hold for each
   * key wanted before its keys are read one by one instead. Judgements, not
   * fitted: at 10k sentences (14,042 terms stored after 1,347 articles) a
   * batch of 400 articles asks for about half of the vocabulary, and term
   * reads went from 19.3 requests an article to 4.2 (`npm run bench:browser --
   * --levels 10k --import-probe`); a range of 3 rows a key reads at most three
   * times the rows one by one would, where a large store's vocabulary is sparse.
   */
  termRun: 64,
  termSpread: 3,
} as const;
