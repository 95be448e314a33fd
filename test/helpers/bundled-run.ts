// What one crawl of the bundled recorded sites must produce (shared by the e2e tests).
/** The file name prefixes of the written stories: NNN 000..017. */
export const BUNDLED_WRITTEN_NNN = Array.from({ length: 18 }, (_, i) => String(i).padStart(3, '0'));

export const BUNDLED_FIRST_RUN_TOTALS = {
  discovered: 26,
  new: 26,
  written: 18,
  duplicate: 1,
  offTopic: 7,
  failed: 0,
  alerts: 15,
} as const;
