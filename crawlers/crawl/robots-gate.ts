// robots.txt applied to a batch of URLs: which may be fetched, which the outlet disallows (counted,
// logged, left unseen so a later crawl fetches them if the rules change), and which could not be
// judged because the host's robots.txt is unreachable (a failure with its cause, not a disallow).
import type { Logger } from '../../base/logger.js';
import type { RobotsPolicy } from '../robots-policy.js';

export interface GateResult<T> {
  allowed: T[];
  disallowed: T[];
  unreachable: { item: T; reason: string }[];
}

export async function robotsGate<T extends { url: string }>(
  robots: RobotsPolicy,
  log: Logger,
  items: T[],
): Promise<GateResult<T>> {
  const verdicts = await Promise.all(items.map((i) => robots.verdict(i.url)));
  const out: GateResult<T> = { allowed: [], disallowed: [], unreachable: [] };
  items.forEach((item, k) => {
    const v = verdicts[k]!;
    if (v.kind === 'allowed') out.allowed.push(item);
    else if (v.kind === 'disallowed') out.disallowed.push(item);
    else out.unreachable.push({ item, reason: v.reason });
  });
  if (out.disallowed.length)
    log.info({ urls: out.disallowed.map((b) => b.url) }, 'robots.txt disallows these URLs: not fetched');
  return out;
}
