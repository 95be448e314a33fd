// Feed latency of the polling policy on a virtual clock (evaluation/poll-simulation.ts): the same
// simulated days as bench-feed-latency.ts (publishing-day.ts: 4 feeds on 3 hosts, a night and an
// afternoon burst), whole days, many seeds, in seconds and whatever the machine's load. Each seed
// is measured twice: "cold", the pipeline started at midnight with only the feeds' listed items
// as history (as the full-pipeline run does), and "warm", after seven earlier days of polling
// (a pipeline that has been running: the policy knows what each hour usually brings).
// The wait is from publication to the answer of the poll that listed the item; the pipeline's own
// work after that (fetch, extract, alert) is measured by the full-pipeline run on a quiet machine.
// Usage: npm run bench:latency:policy [-- --seeds 7,11,23,101,202,303,404,505 --write]
import os from 'node:os';
import { FEED_POLL } from '../../config/feed-polling.js';
import { DEFAULT_POLL_LIMITS, type PollLimits } from '../../crawlers/poll/poll-policy.js';
import { writeBenchmarkSection } from '../../evaluation/benchmarks-file.js';
import { simulatePolling, type SimItem, type SimResult } from '../../evaluation/poll-simulation.js';
import { percentile } from './percentile.js';
import { FEEDS, publishingDay } from './feed-latency/publishing-day.js';
import { cliArg } from './cli-arg.js';

const seeds = cliArg('seeds', '7,11,23,101,202,303,404,505').split(',').map(Number);
const DAY_MS = 24 * 3_600_000;
const DAY_START = Date.parse('2026-12-01T00:00:00+07:00');
/** A feed request's answer: a generous loopback-to-outlet round trip. */
const RESPONSE_MS = 1_000;
/** Items a feed lists, as the full-pipeline run's feeds do. */
const SHOWN = 30;

const fixed = (ms: number): PollLimits => ({ minIntervalMs: ms, maxIntervalMs: ms, pollsPerItemGap: 1 });
const strategies: [string, PollLimits][] = [
  ['adaptive', DEFAULT_POLL_LIMITS],
  ['every-1-min', fixed(60_000)],
  ['every-15-min', fixed(15 * 60_000)],
];
const feeds = FEEDS.map((f) => ({ host: `o${f.outlet}`, shown: SHOWN }));

function run(seed: number, limits: PollLimits, warmDays: number): SimResult {
  const items: SimItem[] = [];
  // The earlier days each have a seed of their own; the day before the measured one always lists
  // its last items at midnight (the cold start's only history).
  for (let d = Math.max(1, warmDays); d >= 1; d--)
    items.push(...publishingDay(DAY_START - d * DAY_MS, seed + 1000 * d));
  items.push(...publishingDay(DAY_START, seed));
  return simulatePolling({
    feeds,
    items,
    start: DAY_START - warmDays * DAY_MS,
    end: DAY_START + DAY_MS + FEED_POLL.maxIntervalMs * 2,
    measureFrom: DAY_START,
    limits,
    hostSpacingMs: FEED_POLL.hostSpacingMs,
    responseMs: RESPONSE_MS,
  });
}

const min = (ms: number): string => (ms / 60_000).toFixed(2);
const lines: string[] = [];
const rows: string[] = [];
for (const [name, limits] of strategies) {
  for (const [start, warmDays] of [
    ['cold', 0],
    ['warm', 7],
  ] as const) {
    const results = seeds.map((s) => run(s, limits, warmDays));
    const waits = results.flatMap((r) => r.waits);
    const perHostDay = results.flatMap((r) => [...r.requests.values()]);
    rows.push(
      [
        name,
        start,
        waits.length,
        results.reduce((n, r) => n + r.missed, 0),
        min(percentile(waits, 50)),
        min(percentile(waits, 95)),
        min(Math.max(...waits)),
        min(Math.max(...results.map((r) => percentile(r.waits, 95)))),
        Math.round(perHostDay.reduce((a, b) => a + b, 0) / perHostDay.length),
        Math.max(...perHostDay),
        `${Math.round(Math.min(...results.map((r) => r.shortestGapMs)) / 1000)} s`,
      ].join(' | '),
    );
  }
}

lines.push(
  `## Feed latency, policy simulation — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Command: \`npm run bench:latency:policy -- --seeds ${seeds.join(',')}\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version} (a virtual clock: the figures do not depend on the machine or its load)`,
  '',
  `Whole simulated days (${seeds.length} seeds, each a different day of publishing) of 4 feeds on 3 hosts (scripts/bench/feed-latency/publishing-day.ts), polled by the product's policy (crawlers/poll/poll-policy.ts) under the host's feed turns: one feed request per ${FEED_POLL.hostSpacingMs / 1000} s per host, the feed due longest first (evaluation/poll-simulation.ts). Wait: publication → the answer of the poll that listed the item (${RESPONSE_MS / 1000} s round trip). Cold: started at midnight knowing only the feeds' listed items; warm: after seven earlier days of polling.`,
  '',
  '| polling | start | items seen | missed (pushed out unseen) | median wait (min) | p95 (min) | max (min) | worst seed p95 (min) | feed requests per host per day (mean) | busiest host | shortest gap between two feed requests to a host |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r} |`),
  '',
);
const report = lines.join('\n');
process.stdout.write(report);
if (process.argv.includes('--write')) writeBenchmarkSection(report);
