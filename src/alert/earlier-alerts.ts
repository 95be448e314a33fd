// Whether a watch rule already fired on an earlier story, read from the alert-sent marks (and a
// digest's pending entries): a follow-up that fires the same rule is then an update of that
// alert, not news out of nowhere.
import type { Redis } from 'ioredis';
import { jobId } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import type { RuleMatch } from '../match/matchable.js';

/** The names of the matched rules that fired on `storyId` on any of their channels. */
export async function rulesFiredOn(
  redis: Redis,
  keys: Keys,
  storyId: string,
  matches: readonly RuleMatch[],
): Promise<Set<string>> {
  const asked: string[] = [];
  const pipe = redis.pipeline();
  for (const m of matches)
    for (const channel of m.rule.channels) {
      asked.push(m.rule.name);
      if (m.rule.digest) pipe.hexists(keys.digestPending(m.rule.name, channel), storyId);
      else pipe.exists(keys.alertSent(jobId.alert(storyId, m.rule.name, channel)));
    }
  if (asked.length === 0) return new Set();
  const res = (await pipe.exec()) ?? [];
  const fired = new Set<string>();
  res.forEach(([err, n], i) => {
    if (err) throw err;
    if (Number(n) > 0) fired.add(asked[i]!);
  });
  return fired;
}
