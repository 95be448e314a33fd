// What one crawl of the bundled recorded sites must produce (shared by the e2e tests).
/** The file name prefixes of the written stories: NNN 000..025. */
export const BUNDLED_WRITTEN_NNN = Array.from({ length: 26 }, (_, i) => String(i).padStart(3, '0'));

export const BUNDLED_FIRST_RUN_TOTALS = {
  discovered: 38,
  new: 38,
  written: 26,
  duplicate: 1,
  offTopic: 11,
  failed: 0,
  alerts: 16,
} as const;
