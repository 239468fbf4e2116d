// The scores at which screening reports a match and calls it strong (docs/adr/0004-sanctions-screening.md), apart
// from the scoring so that the words about a result can be shown without loading it.
export const SCREENING_THRESHOLDS = {
  /** At or above: a match an officer must review before proceeding. */
  strong: 0.88,
  /** Below: not reported at all. */
  report: 0.7,
  /** Two words agree when their edit similarity reaches this (after folding)… */
  word: 0.8,
  /** …and words of up to five letters must agree more closely (Chen / Cheng is not a match). */
  shortWord: 0.86,
  /** A match only on a group the target belongs to, or on a short moniker, is reported but never strong. */
  weakCap: 0.8,
} as const;
