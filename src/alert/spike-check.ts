// One atomic step of a spike rule (Lua, so workers on any machine agree): record a match, then
// decide. The window holds the matches published in the last N hours; "usual" is what the 7 days
// before the window held, per N hours. The rule is hot when the window holds at least minMatches
// and more than factor × usual. A spike fires once: its mark (keys.spikeActive) stays while the
// rule is hot and goes at the first match that finds it had cooled down (hot no longer without
// that match), so the next burst is a new spike. A retried job of the story that tipped a spike
// is told "fire" again and queues the same (idempotent) alert jobs.
import type { Redis } from 'ioredis';
import type { SpikeOptions } from '../../config/rule-alert-options.js';
import type { Keys } from '../../base/redis/keys.js';
import { defineLuaScript, luaCommand } from '../../base/redis/lua-script.js';

export const BASELINE_MS = 7 * 24 * 3600_000;

type SpikeStepFn = (
  hitsKey: string,
  activeKey: string,
  ...args: (string | number)[]
) => Promise<[SpikeStep['state'], number, string, string]>;

const SPIKE_STEP = defineLuaScript<SpikeStepFn>({
  name: 'tinwatchSpikeStep',
  files: [new URL('./lua/spike-step.lua', import.meta.url)],
  numberOfKeys: 2,
});

export interface SpikeStep {
  state: 'fire' | 'active' | 'calm';
  /** Matches in the window, and the usual count per window. */
  count: number;
  usual: number;
  /** The spike fired (or under way): its id (the story that tipped it) and when it fired. */
  spike: { id: string; at: string } | null;
}

/** A spike's mark outlives any window: it goes only when a match finds the rule cooled down. */
const ACTIVE_SECONDS = 8 * 24 * 3600;

export async function spikeStep(
  redis: Redis,
  keys: Keys,
  rule: string,
  opts: SpikeOptions,
  match: { id: string; at: number },
  now: number,
): Promise<SpikeStep> {
  const res = await luaCommand(redis, SPIKE_STEP)(
    keys.ruleHits(rule),
    keys.spikeActive(rule),
    now,
    opts.hours * 3600_000,
    BASELINE_MS,
    opts.factor,
    opts.minMatches,
    match.id,
    Math.min(match.at, now),
    ACTIVE_SECONDS,
    new Date(now).toISOString(),
  );
  const [state, count, usual, spike] = res;
  return {
    state,
    count: Number(count),
    usual: Number(usual),
    spike: spike ? (JSON.parse(spike) as { id: string; at: string }) : null,
  };
}
