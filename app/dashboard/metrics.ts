// Prometheus metrics (prom-client). Values come from Redis at scrape time (src/stats), so any
// process serving /metrics reports the whole deployment: every worker on every machine.
import { Registry, Gauge, type MetricValue } from 'prom-client';
import type { Queues } from '../../base/queues.js';
import type { PipelineStats } from '../../src/stats/pipeline-stats.js';
import { selectorRot } from '../../src/stats/selector-rot.js';
import { registerSourceMetrics } from './source-metrics.js';
import type { UrlLedger } from '../../src/stats/url-ledger.js';
import type { Freshness } from './freshness.js';

const COUNTERS: Record<string, { help: string; labels: string[] }> = {
  pages_fetched: {
    help: 'Pages fetched (feeds, listings, articles) by source and HTTP status',
    labels: ['source', 'status'],
  },
  articles: {
    help: 'Article jobs finished by source and outcome (written, duplicate, off-topic, …)',
    labels: ['source', 'outcome'],
  },
  extraction_fallbacks: {
    help: 'Articles whose extraction needed a generic fallback (a selector missed)',
    labels: ['source'],
  },
  alerts: { help: 'Alert deliveries by channel and outcome', labels: ['channel', 'outcome'] },
  source_failures: {
    help: 'Failed crawls and feed polls by source and cause (dns, refused, timeout, HTTP 503, …)',
    labels: ['source', 'cause'],
  },
  repeated_warnings: {
    help: 'Warnings that repeat on every article (said once per source and day in the log), by source and warning',
    labels: ['source', 'warning'],
  },
};

export function createMetricsRegistry(
  stats: PipelineStats,
  queues: Queues,
  sourceIds: readonly string[],
  ledger?: UrlLedger,
  fresh?: () => Promise<Freshness[]>,
): Registry {
  const registry = new Registry();
  let snapshot: Promise<{ name: string; labels: string[]; value: number }[]> | null = null;
  // One Redis read per scrape, shared by every counter family.
  const counters = () => (snapshot ??= stats.counters().finally(() => setTimeout(() => (snapshot = null), 0)));

  for (const [name, def] of Object.entries(COUNTERS)) {
    registry.registerMetric({
      name: `tinwatch_${name}_total`,
      help: def.help,
      type: 'counter',
      aggregator: 'sum',
      get: async () => ({
        name: `tinwatch_${name}_total`,
        help: def.help,
        type: 'counter' as never,
        aggregator: 'sum',
        values: (await counters())
          .filter((c) => c.name === name)
          .map((c) => ({
            value: c.value,
            labels: Object.fromEntries(def.labels.map((l, i) => [l, c.labels[i] ?? ''])),
          })),
      }),
      reset: () => undefined,
    } as never);
  }

  new Gauge({
    name: 'tinwatch_queue_jobs',
    help: 'Jobs in each BullMQ queue by state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const q of [queues.crawl, queues.article, queues.alert]) {
        const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
        for (const [state, n] of Object.entries(counts)) this.set({ queue: q.name, state }, n);
      }
    },
  });

  // Selector rot (selector-rot.ts): today's share of a source's articles whose title or body fell
  // back, and whether that is past the flag; alert on tinwatch_selector_rot == 1.
  let rot: ReturnType<typeof selectorRot> | null = null;
  const rotToday = () => (rot ??= selectorRot(stats, sourceIds).finally(() => setTimeout(() => (rot = null), 0)));
  new Gauge({
    name: 'tinwatch_selector_fallback_share',
    help: "Today's share (Vietnam day) of a source's articles whose title or body needed the generic fallback",
    labelNames: ['source'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [source, r] of await rotToday()) this.set({ source }, r.share);
    },
  });
  new Gauge({
    name: 'tinwatch_selector_rot',
    help: '1 when a source is flagged: its title/body fallback share today is past the set share (selectors broken?)',
    labelNames: ['source'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [source, r] of await rotToday()) this.set({ source }, r.flagged ? 1 : 0);
    },
  });

  registerSourceMetrics(registry, stats, sourceIds, ledger, fresh);

  const durationHelp = 'Job processing time by queue';
  registry.registerMetric({
    name: 'tinwatch_job_duration_seconds',
    help: durationHelp,
    type: 'histogram',
    aggregator: 'sum',
    get: async () => {
      const values: MetricValue<string>[] = [];
      for (const queue of ['crawl', 'article', 'alert']) {
        const d = await stats.durations(queue);
        for (const [le, n] of d.buckets)
          values.push({ metricName: 'tinwatch_job_duration_seconds_bucket', value: n, labels: { queue, le } } as never);
        values.push({
          metricName: 'tinwatch_job_duration_seconds_bucket',
          value: d.count,
          labels: { queue, le: '+Inf' },
        } as never);
        values.push({ metricName: 'tinwatch_job_duration_seconds_sum', value: d.sum, labels: { queue } } as never);
        values.push({ metricName: 'tinwatch_job_duration_seconds_count', value: d.count, labels: { queue } } as never);
      }
      return {
        name: 'tinwatch_job_duration_seconds',
        help: durationHelp,
        type: 'histogram' as never,
        aggregator: 'sum',
        values,
      };
    },
    reset: () => undefined,
  } as never);
  return registry;
}
