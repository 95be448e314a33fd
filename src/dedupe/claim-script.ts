// The dedupe decision as one Redis script (lua/claim-story.lua, after lead-facts.lua and
// same-story.lua, which state the rule once), so "is this text already a story? if not, it is now
// one" is atomic across every worker. Its header lists its KEYS and ARGV.
import { defineLuaScript } from '../../base/redis/lua-script.js';
import { LEAD_FACTS_LUA } from './lead-facts.js';
import { SAME_STORY_LUA_FILES } from './same-story.js';
import { DEDUPE } from '../../config/dedupe.js';

/**
 * Stories one bucket field keeps. Texts that share a band or an anchor and are not copies (a
 * column's days, a follow-up) each keep the key, so a copy of the third day finds the third day;
 * eight (a week of a daily column) bounds the field and the records a lookup reads.
 */
export const MAX_OWNERS = 8;

/** Jaccard a merge candidate loses per figure of the copy it lacks (choosing among candidates). */
export const FIGURE_COST = 0.05;

// The record counts its long-shingle values in one byte (lua/claim-story.lua).
if (DEDUPE.longSampleKept > 255) throw new Error('DEDUPE.longSampleKept must fit in one byte (≤ 255)');

export type ClaimFn = (...args: (string | Buffer | number)[]) => Promise<Buffer[]>;

export const CLAIM_SCRIPT = defineLuaScript<ClaimFn>({
  name: 'tinwatchDedupeClaim',
  files: [...SAME_STORY_LUA_FILES, new URL('./lua/claim-story.lua', import.meta.url)],
  constants: {
    ...LEAD_FACTS_LUA.constants,
    MAX_OWNERS,
    FIGURE_COST,
    LONG_SENT: DEDUPE.longSampleSent,
    LONG_KEPT: DEDUPE.longSampleKept,
    MIN_LONG_SAMPLE: DEDUPE.minLongSample,
  },
});
