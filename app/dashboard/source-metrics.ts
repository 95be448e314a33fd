// /metrics series of each source's health (src/stats/source-status.ts), for every configured
// source whether or not it ever worked: whether it fails now, since when, for what cause, and
// when it last worked (0 = never since its health was first kept). Alert on
// `tinwatch_source_failing == 1`, or on `time() - tinwatch_source_last_success_timestamp_seconds`.
import { Gauge, type Registry } from 'prom-client';
import type { PipelineStats, SourceHealth } from '../../src/stats/pipeline-stats.js';
import { sourceState } from '../../src/stats/source-status.js';
import { vietnamDay } from '../../src/stats/selector-rot.js';
import { BUCKETS, type UrlLedger } from '../../src/stats/url-ledger.js';
import type { Freshness } from './freshness.js';

const seconds = (iso: string | null | undefined): number => (iso ? Date.parse(iso) / 1000 : 0);

export function registerSourceMetrics(
  registry: Registry,
  stats: PipelineStats,
  sourceIds: readonly string[],
  ledger?: UrlLedger,
  fresh?: () => Promise<Freshness[]>,
): void {
  if (fresh)
    new Gauge({
      name: 'tinwatch_publication_delay_minutes',
      help: 'Over the last 24 h, minutes from publication (feed/sitemap/page date) to the story written (stage="written") or its first alert sent (stage="alert"), median and p90 per source; absent without stories',
      labelNames: ['source', 'stage', 'quantile'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const f of await fresh()) {
          for (const [stage, v] of [
            ['written', f.written],
            ['alert', f.alerted],
          ] as const) {
            if (v.median !== null) this.set({ source: f.source, stage, quantile: '0.5' }, v.median);
            if (v.p90 !== null) this.set({ source: f.source, stage, quantile: '0.9' }, v.p90);
          }
        }
      },
    });
  if (ledger)
    new Gauge({
      name: 'tinwatch_urls_today',
      help: 'URLs a source discovered today (Vietnam day) by the bucket each ended in: written, borderline, duplicate, related, off-topic, stale, failed, deferred, rejected, in-progress; outcome="discovered" is their sum',
      labelNames: ['source', 'outcome'],
      registers: [registry],
      async collect() {
        this.reset();
        const day = vietnamDay();
        for (const id of sourceIds) {
          const a = await ledger.day(id, day);
          this.set({ source: id, outcome: 'discovered' }, a.discovered);
          for (const b of BUCKETS) this.set({ source: id, outcome: b }, a.counts[b]);
        }
      },
    });

  let read: Promise<[string, SourceHealth][]> | null = null;
  // One read of every source's health per scrape, shared by the gauges below.
  const healths = () =>
    (read ??= Promise.all(sourceIds.map(async (id) => [id, await stats.health(id)] as [string, SourceHealth])).finally(
      () => setTimeout(() => (read = null), 0),
    ));

  new Gauge({
    name: 'tinwatch_source_failing',
    help: "1 while a source's last crawl or feed poll failed (cause label: dns, refused, HTTP 503, …), else 0",
    labelNames: ['source', 'cause'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [source, health] of await healths()) {
        const s = sourceState(health);
        this.set({ source, cause: s.kind === 'failing' ? s.cause : '' }, s.kind === 'failing' ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'tinwatch_source_failing_since_timestamp_seconds',
    help: 'When the running failure of a source began (Unix seconds); 0 while it works',
    labelNames: ['source'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [source, health] of await healths()) {
        const s = sourceState(health);
        this.set({ source }, s.kind === 'failing' ? seconds(s.since) : 0);
      }
    },
  });
  new Gauge({
    name: 'tinwatch_source_last_success_timestamp_seconds',
    help: 'When a crawl or feed poll of the source last read something (Unix seconds); 0 when never',
    labelNames: ['source'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [source, health] of await healths()) this.set({ source }, seconds(health.lastSuccessAt));
    },
  });
}
