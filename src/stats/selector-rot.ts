// Selector rot: an outlet changes its markup and its source file's selectors stop matching. The
// pipeline keeps working (the generic reading takes over), so nothing fails; what shows is the
// share of a day's articles whose title or body had to fall back. Past a set share
// (PIPELINE.selectorRot) the source is flagged on the dashboard and in /metrics, and
// `tinwatch sources check <id>` names the selector that no longer matches.
import { PIPELINE } from '../../config/pipeline.js';
import type { SourceConfig } from '../../config/source-schema.js';
import type { ExtractField } from '../extract/extract-article.js';
import type { PipelineStats } from './pipeline-stats.js';

/** The fields whose fallback means the source's selectors no longer read its pages. */
const CORE: readonly ExtractField[] = ['title', 'body'];

/** The calendar day in Vietnam (UTC+7), where the outlets publish: YYYY-MM-DD. */
export function vietnamDay(at: Date = new Date()): string {
  return new Date(at.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * Counts one extracted article of a source, and whether its title or body fell back. A field the
 * source names no selectors for is read generically by design (the outlets that rely on the
 * generic extractor): nothing there can rot.
 */
export function countExtraction(
  stats: PipelineStats,
  source: Pick<SourceConfig, 'id' | 'extract'>,
  fallbacks: readonly ExtractField[],
): void {
  const day = vietnamDay();
  stats.countDaily(day, `${source.id}|extracted`);
  if (fallbacks.some((f) => CORE.includes(f) && source.extract[f].length > 0))
    stats.countDaily(day, `${source.id}|core_fallback`);
}

export interface SelectorRot {
  day: string;
  extracted: number;
  fellBack: number;
  share: number;
  flagged: boolean;
}

/** Today's fallback share per source id. */
export async function selectorRot(
  stats: PipelineStats,
  sourceIds: readonly string[],
): Promise<Map<string, SelectorRot>> {
  const day = vietnamDay();
  const counts = await stats.dailyCounts(day);
  const { maxFallbackShare, minArticles } = PIPELINE.selectorRot;
  return new Map(
    sourceIds.map((id) => {
      const extracted = counts[`${id}|extracted`] ?? 0;
      const fellBack = counts[`${id}|core_fallback`] ?? 0;
      const share = extracted ? fellBack / extracted : 0;
      return [id, { day, extracted, fellBack, share, flagged: extracted >= minArticles && share > maxFallbackShare }];
    }),
  );
}
