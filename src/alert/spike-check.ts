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

export const BASELINE_MS = 7 * 24 * 3600_000;

const SPIKE_STEP = `
local now = tonumber(ARGV[1])
local w = tonumber(ARGV[2])
local b = tonumber(ARGV[3])
local factor = tonumber(ARGV[4])
local minm = tonumber(ARGV[5])
local member = ARGV[6]
local score = tonumber(ARGV[7])
local added = redis.call('ZADD', KEYS[1], score, member)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - w - b))
redis.call('PEXPIRE', KEYS[1], w + b + 86400000)
local count = redis.call('ZCOUNT', KEYS[1], '(' .. (now - w), '+inf')
local base = redis.call('ZCOUNT', KEYS[1], '(' .. (now - w - b), now - w)
local usual = base * w / b
local function hot(c) return c >= minm and c > factor * usual end
local fresh = 0
if added == 1 and score > now - w then fresh = 1 end
local active = redis.call('GET', KEYS[2])
if active then
  if cjson.decode(active).id == member then return {'fire', count, tostring(usual), active} end
  if hot(count - fresh) then return {'active', count, tostring(usual), active} end
  redis.call('DEL', KEYS[2])
end
if hot(count) then
  local spike = cjson.encode({id = member, at = ARGV[9]})
  redis.call('SET', KEYS[2], spike, 'EX', tonumber(ARGV[8]))
  return {'fire', count, tostring(usual), spike}
end
return {'calm', count, tostring(usual), ''}
`;

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
  const res = (await redis.eval(
    SPIKE_STEP,
    2,
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
  )) as [SpikeStep['state'], number, string, string];
  const [state, count, usual, spike] = res;
  return {
    state,
    count: Number(count),
    usual: Number(usual),
    spike: spike ? (JSON.parse(spike) as { id: string; at: string }) : null,
  };
}
