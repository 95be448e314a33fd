// The feed latency benchmark's report: one row per strategy and seed, then the seeds pooled per
// strategy, as a Markdown table for BENCHMARKS.md; then the requests each host served.
import { percentile } from '../percentile.js';
import type { RunResult } from './latency-run.js';
import { FEEDS, OUTLET_COUNT } from './publishing-day.js';

const min = (ms: number): string => (Number.isFinite(ms) ? (ms / 60_000).toFixed(2) : '–');
const spread = (xs: number[]): string =>
  `${min(percentile(xs, 50))} | ${min(percentile(xs, 95))} | ${min(Math.max(...xs))}`;

interface Totals {
  strategy: string;
  seed: string;
  published: number;
  written: number[];
  alerted: number[];
  hosts: RunResult['hosts'];
  hours: number;
}

function row(t: Totals): string {
  const perDay = 24 / t.hours;
  const feedRequests = (h: RunResult['hosts'][number]) => h.feed200 + h.feed304;
  const total = t.hosts.reduce((n, h) => n + feedRequests(h), 0);
  const notModified = t.hosts.reduce((n, h) => n + h.feed304, 0);
  const busiest = Math.max(...t.hosts.map(feedRequests));
  const minGap = Math.min(...t.hosts.map((h) => h.minFeedGapMs ?? Infinity));
  return [
    t.strategy,
    t.seed,
    t.published,
    t.written.length,
    spread(t.written),
    t.alerted.length,
    spread(t.alerted),
    Math.round((total * perDay) / t.hosts.length),
    Math.round(busiest * perDay),
    `${((100 * notModified) / Math.max(1, total)).toFixed(0)} %`,
    Number.isFinite(minGap) ? `${(minGap / 1000).toFixed(0)} s` : '–',
  ].join(' | ');
}

const totals = (r: RunResult): Totals => ({
  strategy: r.strategy,
  seed: String(r.seed),
  published: r.published,
  written: r.writtenLatencies,
  alerted: r.latencies,
  hosts: r.hosts,
  hours: r.simulatedHours,
});

function pooled(results: RunResult[], strategy: string): Totals {
  const mine = results.filter((r) => r.strategy === strategy);
  return {
    strategy: `**${strategy}**`,
    seed: `**all ${mine.length}**`,
    published: mine.reduce((n, r) => n + r.published, 0),
    written: mine.flatMap((r) => r.writtenLatencies),
    alerted: mine.flatMap((r) => r.latencies),
    hosts: mine.flatMap((r) => r.hosts),
    hours: mine[0]?.simulatedHours ?? 24,
  };
}

export function latencyReport(
  results: RunResult[],
  run: { command: string; machine: string; wallMinutes: number; hostSpacingS: number },
): string {
  const strategies = [...new Set(results.map((r) => r.strategy))];
  const hours = results[0]?.simulatedHours ?? 24;
  const perDay = 24 / hours;
  const lines = [
    `## Feed latency — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Command: \`${run.command}\` · machine: ${run.machine} · wall time ${run.wallMinutes} min`,
    '',
    `Each seed is a simulated day (${hours} h) of ${FEEDS.length} feeds on ${OUTLET_COUNT} hosts publishing ${FEEDS.map((f) => f.itemsPerDay).join(' + ')} items a day over Vietnamese news hours, with a night and an afternoon burst. Minutes from the item written to its feed to its story written (manifest line) and to its alert received by a webhook, through the whole pipeline. The wait for the poll is simulated time; the pipeline's work after it is real time. Feed requests are counted inside the simulated day; the host spacing allows one a minute (1,440 a day).`,
    '',
    '| polling | seed | items | written | to written: median | p95 | max (min) | alerted | to alert: median | p95 | max (min) | feed requests per host per day (mean) | busiest host | answered 304 | shortest gap between two feed requests to a host |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${row(totals(r))} |`),
    ...strategies.map((s) => `| ${row(pooled(results, s))} |`),
    '',
    `Feed requests per host per day (304 among them; other requests: robots.txt, article pages). Host spacing required: ${run.hostSpacingS} s.`,
    '',
    '| polling | seed | host | feeds | feed requests | 304 | other requests |',
    '|---|---|---|---:|---:|---:|---:|',
    ...results.flatMap((r) =>
      r.hosts.map((h) => {
        const o = h.host.split('.')[0]!;
        const feeds = FEEDS.filter((f) => `o${f.outlet}` === o).length;
        return `| ${r.strategy} | ${r.seed} | ${o} | ${feeds} | ${Math.round((h.feed200 + h.feed304) * perDay)} | ${Math.round(h.feed304 * perDay)} | ${Math.round(h.other * perDay)} |`;
      }),
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
