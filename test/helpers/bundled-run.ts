// What one crawl of the bundled recorded sites must produce (shared by the e2e tests).
/** The file name prefixes of the written stories: NNN 000..011. */
export const BUNDLED_WRITTEN_NNN = Array.from({ length: 12 }, (_, i) => String(i).padStart(3, '0'));

export const BUNDLED_FIRST_RUN_TOTALS = {
  discovered: 17,
  new: 17,
  written: 12,
  duplicate: 1,
  offTopic: 4,
  failed: 0,
  alerts: 13,
} as const;
