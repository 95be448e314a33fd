// What one crawl of the bundled recorded sites must produce (shared by the e2e tests).
/** The file name prefixes of the written stories: NNN 000..009. */
export const BUNDLED_WRITTEN_NNN = ['000', '001', '002', '003', '004', '005', '006', '007', '008', '009'];

export const BUNDLED_FIRST_RUN_TOTALS = {
  discovered: 14,
  new: 14,
  written: 10,
  duplicate: 1,
  offTopic: 3,
  failed: 0,
  alerts: 11,
} as const;
