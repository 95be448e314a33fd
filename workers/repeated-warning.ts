// A warning that would repeat on every article (a selector that misses while its generic fallback
// finds the field anyway) is said once per source and Vietnam day, and counted every time in
// /metrics (tinwatch_repeated_warnings_total). Fields a source names no selectors for are read
// generically by design: no warning at all, only the count (the outlets relying on the generic
// extractor would otherwise warn on every article).
import type { SourceConfig } from '../config/source-schema.js';
import type { ExtractField } from '../src/extract/extract-article.js';
import type { Logger } from '../base/logger.js';
import { vietnamDay } from '../src/stats/selector-rot.js';
import type { Redis } from 'ioredis';
import type { Keys } from '../base/redis/keys.js';
import type { PipelineStats } from '../src/stats/pipeline-stats.js';

/** What the warning uses. */
export interface WarningDeps {
  redis: Redis;
  keys: Keys;
  stats: PipelineStats;
}

const WARNING = 'selector-fallback';
const KEEP_SECONDS = 2 * 24 * 3600;

export async function reportFallbacks(
  rt: WarningDeps,
  log: Logger,
  source: Pick<SourceConfig, 'id' | 'extract'>,
  fallbacks: readonly ExtractField[],
  matched: unknown,
): Promise<void> {
  if (fallbacks.length === 0) return;
  await rt.stats.count({ name: 'repeated_warnings', source: source.id, warning: WARNING });
  const missed = fallbacks.filter((f) => (source.extract[f]?.length ?? 0) > 0);
  if (missed.length === 0) {
    log.debug({ fallbacks }, 'fields without selectors read by the generic extractor');
    return;
  }
  const day = vietnamDay();
  const first = await rt.redis.set(rt.keys.warnedOnce(`${source.id}|${WARNING}|${day}`), '1', 'EX', KEEP_SECONDS, 'NX');
  if (first)
    log.warn(
      { fallbacks: missed, matched },
      `selectors missed: generic fallback used (${missed.join(', ')}); said once today for ${source.id}, every article counted in tinwatch_repeated_warnings_total`,
    );
  else log.debug({ fallbacks: missed, matched }, 'selectors missed: generic fallback used');
}
