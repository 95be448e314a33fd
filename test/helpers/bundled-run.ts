// What one crawl of the bundled recorded sites must produce (shared by the e2e tests).
/** The file name prefixes of the written stories: NNN 000..039. */
export const BUNDLED_WRITTEN_NNN = Array.from({ length: 40 }, (_, i) => String(i).padStart(3, '0'));

export const BUNDLED_FIRST_RUN_TOTALS = {
  discovered: 59,
  new: 59,
  written: 40,
  duplicate: 1,
  offTopic: 18,
  failed: 0,
  alerts: 19,
  alertsFailed: 0,
} as const;
