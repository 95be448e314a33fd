// What one crawl of the bundled recorded sites must produce (shared by the e2e tests).
export const BUNDLED_FIRST_RUN_TOTALS = {
  discovered: 11,
  new: 11,
  written: 8,
  duplicate: 1,
  offTopic: 2,
  failed: 0,
  alerts: 10,
} as const;
