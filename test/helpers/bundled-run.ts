// What one crawl of the bundled recorded sites must produce (shared by the e2e tests). The Osan
// air-defence thread (sggp's report, Tiền Phong's copy, CAND's own report, VTV's follow-up) and
// Tiền Phong's borderline budget story are the briefing's demo material (docs/briefing.md).
/** The file name prefixes of the written stories: NNN 000..042. */
export const BUNDLED_WRITTEN_NNN = Array.from({ length: 43 }, (_, i) => String(i).padStart(3, '0'));

export const BUNDLED_FIRST_RUN_TOTALS = {
  discovered: 63,
  new: 63,
  written: 43,
  duplicate: 2,
  offTopic: 18,
  failed: 0,
  alerts: 19,
  alertsFailed: 0,
} as const;
