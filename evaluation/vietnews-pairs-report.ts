// The VietNews section of `npm run eval:dedupe`: pairs found across a whole corpus nobody grouped
// (vietnews-pairs.ts), in the real-pairs tables (recall by kind and band, pairs apart by kind,
// every false merge and missed copy listed by corpus path only: the corpus's text is not ours).
import { APART_COVER, COPY_COVER } from './real-pair-labels.js';
import { realPairsTables, realPairsTargets } from './real-pairs-report.js';
import type { RealPairResult } from './real-pairs-scores.js';
import { MAX_NAME_TEXTS, MAX_RUN_TEXTS, MIN_SHARED_NAMES, MIN_SHARED_RUNS, RUN_SAMPLE } from './shared-runs.js';
import { MAX_PAIRS, type VietnewsPairs } from './vietnews-pairs.js';
import { NEW_LEAD } from './vietnews-pair-kinds.js';

const SET = 'VietNews';

export const vietnewsTargets = (results: RealPairResult[]): string[] => realPairsTargets(results, SET);

export function vietnewsSection(v: VietnewsPairs, results: RealPairResult[]): string[] {
  const half = (h: RealPairResult['half']): number =>
    new Set(results.filter((r) => r.half === h).map((r) => r.id.split('~')[0])).size;
  const newLead = results.filter((r) => r.kind === NEW_LEAD);
  return [
    '### Real republications (VietNews)',
    '',
    `VietNews (public repository, 2016–2019: Tuổi Trẻ, VnExpress, Người Đưa Tin), read in place: ${v.texts} texts (${v.repeatedFiles} files repeating another's text read once). Candidate pairs across the whole corpus: sharing ≥ ${MIN_SHARED_RUNS} sampled rare 8-syllable runs (1 run in ${RUN_SAMPLE} by hash, each in at most ${MAX_RUN_TEXTS} texts) or ≥ ${MIN_SHARED_NAMES} rare names (capitalised words of several syllables in at most ${MAX_NAME_TEXTS} texts); ${v.identical} pairs of one text under two paths left out. Labelled by sentence alignment as the real pairs above (copy ≥ ${COPY_COVER * 100} %, apart ≤ ${APART_COVER * 100} %), except that two titles dated on different days are two days of a column, apart, and a copy must also keep each text's lead in the other (else grey). The corpus keeps no publication date: the text whose lead states the later date is claimed second (a follow-up when apart), else file order. Found: ${v.found.copy} copies, ${v.found.apart} apart, ${v.found.newLead} with a new lead and ${v.found.grey} other grey; scored: at most ${MAX_PAIRS.copy} / ${MAX_PAIRS.apart} / ${MAX_PAIRS.newLead} / ${MAX_PAIRS.grey} of each (least hash of the pair's id), ${results.length} pairs in ${v.stories} stories (connected pairs); a story's pairs share a half, by a hash of its first text (${half('dev')} first texts in development, ${half('held-out')} held out).`,
    '',
    `Of the grey pairs, ${newLead.length} align as copies but each keeps its own lead (${NEW_LEAD}: an outlet's follow-up repeats its first report's background under a new lead): ${newLead.filter((r) => r.merged).length} merged.`,
    '',
    ...realPairsTables(results, SET, SET),
  ];
}
