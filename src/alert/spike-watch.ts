// Spike rules on a written story or a copy: each match is counted at its publication time
// (spike-check.ts decides), and a spike that fires queues one alert per channel naming the
// threads whose stories filled the window. Matches are counted by publication time, not by when
// tinwatch saw them: a backfill of last month is no spike.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RuleConfig } from '../../config/watchlist-schema.js';
import { jobToAdd } from '../../base/job-table.js';
import { jobId, type AlertJobData, type SpikeFacts } from '../../base/queues.js';
import type { Keys } from '../../base/redis/keys.js';
import { BASELINE_MS, spikeStep } from './spike-check.js';

/** What a spike alert says about one matching story; kept while it can be in a window. */
export interface SpikeHit {
  storyId: string;
  title: string;
  outlet: string;
  url: string;
  /** Publication time, else when it was fetched. */
  at: string;
  /** Its thread's root story id (thread-root.ts). */
  thread: string;
}

/** Threads listed in a spike alert: the ones with most matches. */
const MAX_THREADS = 10;
export const HIT_INFO_SECONDS = Math.ceil((BASELINE_MS + 3 * 24 * 3600_000) / 1000);

export interface SpikeDeps {
  redis: Redis;
  keys: Keys;
  alertQueue: Queue;
  now?: () => number;
}

/** The time a match counts at: its publication, never in the future. */
export function matchTime(publishedAt: string | null, fetchedAt: string, now: number): number {
  const t = Date.parse(publishedAt ?? fetchedAt);
  return Number.isFinite(t) ? Math.min(t, now) : now;
}

export async function saveSpikeHit(redis: Redis, keys: Keys, hit: SpikeHit): Promise<void> {
  await redis.set(keys.hitInfo(hit.storyId), JSON.stringify(hit), 'EX', HIT_INFO_SECONDS);
}

/** The threads behind the window's matches, most matches first. */
async function threadsBehind(deps: SpikeDeps, rule: string, from: number): Promise<SpikeFacts['threads']> {
  const ids = await deps.redis.zrangebyscore(deps.keys.ruleHits(rule), `(${from}`, '+inf');
  if (ids.length === 0) return [];
  const infos = (await deps.redis.mget(ids.map((id) => deps.keys.hitInfo(id))))
    .filter((x): x is string => x !== null)
    .map((x) => JSON.parse(x) as SpikeHit);
  const byThread = new Map<string, SpikeHit[]>();
  for (const h of infos) byThread.set(h.thread, [...(byThread.get(h.thread) ?? []), h]);
  const roots = await deps.redis.mget([...byThread.keys()].map((id) => deps.keys.hitInfo(id)));
  return [...byThread]
    .map(([id, hits], i) => {
      hits.sort((a, b) => a.at.localeCompare(b.at));
      const head = roots[i] ? (JSON.parse(roots[i]) as SpikeHit) : hits[0]!;
      return {
        id,
        title: head.title,
        url: head.url,
        matches: hits.length,
        outlets: [...new Set(hits.map((h) => h.outlet))],
      };
    })
    .sort((a, b) => b.matches - a.matches || a.id.localeCompare(b.id))
    .slice(0, MAX_THREADS);
}

/** Counts a match for each spike rule it fired; returns the spike alert jobs queued. */
export async function watchSpikes(deps: SpikeDeps, rules: readonly RuleConfig[], hit: SpikeHit): Promise<string[]> {
  const spikeRules = rules.filter((r) => r.spike);
  if (spikeRules.length === 0) return [];
  const now = (deps.now ?? Date.now)();
  await saveSpikeHit(deps.redis, deps.keys, hit);
  const queued: string[] = [];
  for (const rule of spikeRules) {
    const opts = rule.spike!;
    const step = await spikeStep(
      deps.redis,
      deps.keys,
      rule.name,
      opts,
      { id: hit.storyId, at: Date.parse(hit.at) },
      now,
    );
    if (step.state !== 'fire' || !step.spike) continue;
    const spike: SpikeFacts = {
      id: step.spike.id,
      hours: opts.hours,
      factor: opts.factor,
      count: step.count,
      usual: Math.round(step.usual * 100) / 100,
      at: step.spike.at,
      threads: await threadsBehind(deps, rule.name, now - opts.hours * 3600_000),
    };
    const jobs = rule.channels.map((channel) => {
      const data: AlertJobData = {
        kind: 'spike',
        channel,
        rule: rule.name,
        ruleDescription: rule.description ?? null,
        spike,
      };
      return { id: jobId.spike(rule.name, spike.id, channel), data };
    });
    await deps.alertQueue.addBulk(jobs.map((j) => jobToAdd('alert', j.data, { jobId: j.id })));
    queued.push(...jobs.map((j) => j.id));
  }
  return queued;
}
