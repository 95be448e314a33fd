// `tinwatch crawl --once`: one discovery+fetch cycle for the chosen sources, waiting until every
// job it caused has finished, then a summary per source. By default it runs its own workers in
// this process; with `useRemoteWorkers` it only enqueues and waits for workers elsewhere.
import { randomBytes } from 'node:crypto';
import type { SourceConfig } from '../../config/source-schema.js';
import { startAlertWorker } from '../alert-worker.js';
import { startArticleWorkers } from '../article-threads.js';
import { startCrawlWorker } from '../crawl-worker.js';
import { addJob } from '../../base/job-table.js';
import { jobId, type ArticleOutcome, type CrawlSummary } from '../../base/queues.js';
import { formatFailureCounts } from '../../crawlers/fetch-failure.js';
import { JobOutcomes } from './job-outcomes.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import type { StageTimings } from '../../src/stats/stage-timings.js';

export interface SourceRunSummary {
  sourceId: string;
  discovered: number;
  new: number;
  written: number;
  duplicate: number;
  offTopic: number;
  failed: number;
  /** Alerts delivered for this source's stories during the run (instant rules). */
  alerts: number;
  /** Alerts that failed for good (a missing secret, a receiver refusing them). */
  alertsFailed: number;
  /** Failed fetches by cause ("dns", "HTTP 404", "robots-unreachable"…), from finished crawls. */
  fetchFailures: Record<string, number>;
  /** Reasons for failures, for the console. */
  errors: string[];
  offTopicTitles: string[];
}

export interface RunSummary {
  runId: string;
  sources: SourceRunSummary[];
  totals: Omit<SourceRunSummary, 'sourceId' | 'errors' | 'offTopicTitles' | 'fetchFailures'>;
  durationMs: number;
}

export interface CrawlOnceOptions {
  sources: SourceConfig[];
  useRemoteWorkers?: boolean;
  /** Do not wait for alert deliveries (the benchmark measures the pipeline up to matching). */
  skipAlertWait?: boolean;
  /** Which queues this process works on itself (default all three; ignored with useRemoteWorkers). */
  localQueues?: readonly ('crawl' | 'article' | 'alert')[];
  /** Give up waiting after this long (the jobs keep going in the queue). */
  timeoutMs?: number;
  pollMs?: number;
  /** Backfill: walk listing pages back to this ISO date instead of reading their first pages. */
  since?: string;
  /** Called after every poll with the per-source counts so far (live progress on a TTY). */
  onProgress?: (phase: RunPhase, sources: readonly SourceRunSummary[]) => void;
  /** Per-stage time accounting of the run's workers (the pipeline benchmark measures it). */
  timings?: StageTimings;
}

export type RunPhase = 'crawl' | 'articles' | 'alerts';

function emptyRunSummary(sourceId: string): SourceRunSummary {
  return {
    sourceId,
    discovered: 0,
    new: 0,
    written: 0,
    duplicate: 0,
    offTopic: 0,
    failed: 0,
    alerts: 0,
    alertsFailed: 0,
    fetchFailures: {},
    errors: [],
    offTopicTitles: [],
  };
}

export async function crawlOnce(rt: Runtime, opts: CrawlOnceOptions): Promise<RunSummary> {
  const started = Date.now();
  const deadline = started + (opts.timeoutMs ?? 30 * 60_000);
  const pollMs = opts.pollMs ?? 100;
  const runId = `${started.toString(36)}${randomBytes(3).toString('hex')}`;
  const local = opts.useRemoteWorkers ? [] : (opts.localQueues ?? ['crawl', 'article', 'alert']);
  const workers: { close(): Promise<void> }[] = [
    ...(local.includes('crawl') ? [startCrawlWorker(rt, undefined, opts.timings)] : []),
    ...(local.includes('article')
      ? [await startArticleWorkers(rt, { besideCrawler: local.includes('crawl'), timings: opts.timings })]
      : []),
    ...(local.includes('alert') ? [startAlertWorker(rt)] : []),
  ];
  // Opened before any job is added, so no job's outcome can slip by unseen.
  const outcomes = await Promise.all(
    [rt.queues.crawl, rt.queues.article, rt.queues.alert].map((q) => JobOutcomes.open(q, { connection: rt.redis })),
  );
  const [crawlOutcomes, articleOutcomes, alertOutcomes] = outcomes as [JobOutcomes, JobOutcomes, JobOutcomes];
  try {
    const perSource = new Map(opts.sources.map((s) => [s.id, emptyRunSummary(s.id)]));
    const crawlIds: string[] = [];
    const crawlOwner = new Map<string, string>();
    for (const source of opts.sources) {
      const id = jobId.crawlRun(source.id, runId);
      await addJob(
        rt.queues,
        'crawl',
        { sourceId: source.id, runId, ...(opts.since ? { since: opts.since } : {}) },
        { jobId: id, attempts: 1 },
      );
      crawlIds.push(id);
      crawlOwner.set(id, source.id);
    }
    const articleOwner = new Map<string, string>();
    const alertOwner = new Map<string, string>();
    const tick = (phase: RunPhase) => () => opts.onProgress?.(phase, [...perSource.values()]);
    await crawlOutcomes.waitFor(
      crawlIds,
      deadline,
      pollMs,
      (id, res) => {
        const s = perSource.get(crawlOwner.get(id)!)!;
        if (res.state === 'failed') {
          s.failed++;
          s.errors.push(`crawl: ${res.reason}`);
          return;
        }
        const cs = res.value as CrawlSummary;
        if (cs.pausedUntil) s.errors.push(`host paused by the circuit breaker until ${cs.pausedUntil}: crawl skipped`);
        s.discovered = cs.discovered;
        s.new = cs.new;
        s.failed += cs.fetchFailed;
        for (const [k, n] of Object.entries(cs.failures ?? {})) s.fetchFailures[k] = (s.fetchFailures[k] ?? 0) + n;
        if (cs.fetchFailed)
          s.errors.push(
            `${cs.fetchFailed} page(s) could not be fetched: ${formatFailureCounts(cs.failures ?? {})}; last: ${cs.lastError ?? '?'} (tinwatch failed --queue fetch)`,
          );
        for (const a of cs.articleJobIds) articleOwner.set(a, s.sourceId);
      },
      tick('crawl'),
    );
    await articleOutcomes.waitFor(
      [...articleOwner.keys()],
      deadline,
      pollMs,
      (id, res) => {
        const s = perSource.get(articleOwner.get(id)!)!;
        if (res.state === 'failed') {
          s.failed++;
          s.errors.push(`${id}: ${res.reason}`);
          return;
        }
        const out = res.value as ArticleOutcome;
        if (out.outcome === 'written') {
          s.written++;
          for (const a of out.alertJobIds) alertOwner.set(a, s.sourceId);
        } else if (out.outcome === 'duplicate' || out.outcome === 'already-written') s.duplicate++;
        else if (out.outcome === 'off-topic') {
          s.offTopic++;
          s.offTopicTitles.push(formatSkipped(out));
        }
      },
      tick('articles'),
    );
    await alertOutcomes.waitFor(
      opts.skipAlertWait ? [] : [...alertOwner.keys()],
      deadline,
      pollMs,
      (id, res) => {
        const s = perSource.get(alertOwner.get(id)!)!;
        if (res.state === 'completed') s.alerts++;
        else {
          s.alertsFailed++;
          s.errors.push(`alert ${id}: ${res.reason}`);
        }
      },
      tick('alerts'),
    );
    const sources = [...perSource.values()];
    const sum = (
      k: 'discovered' | 'new' | 'written' | 'duplicate' | 'offTopic' | 'failed' | 'alerts' | 'alertsFailed',
    ): number => sources.reduce((a, s) => a + s[k], 0);
    return {
      runId,
      sources,
      totals: {
        discovered: sum('discovered'),
        new: sum('new'),
        written: sum('written'),
        duplicate: sum('duplicate'),
        offTopic: sum('offTopic'),
        failed: sum('failed'),
        alerts: sum('alerts'),
        alertsFailed: sum('alertsFailed'),
      },
      durationMs: Date.now() - started,
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(outcomes.map((o) => o.close()));
  }
}

/** One off-topic article on one line: why, score, strongest terms, title, URL. */
export function formatSkipped(o: {
  title: string;
  score: number;
  url?: string;
  topTerms?: string[];
  reason?: string;
}): string {
  const terms = o.topTerms?.length ? ` [${o.topTerms.slice(0, 5).join(', ')}]` : '';
  const why = o.reason ? `${o.reason}; ` : '';
  return `${o.title} (${why}score ${o.score}${terms})${o.url ? ` ${o.url}` : ''}`;
}

/** Whether any crawl, article or alert of the run failed (the run then exits 1). */
export function runHadFailures(r: RunSummary): boolean {
  return r.totals.failed + r.totals.alertsFailed > 0;
}

export function formatRunSummary(r: RunSummary): string {
  const cols = ['source', 'discovered', 'new', 'written', 'duplicate', 'off-topic', 'failed', 'alerts sent', 'failed'];
  const cells = (name: string, x: RunSummary['totals']) => [
    name,
    x.discovered,
    x.new,
    x.written,
    x.duplicate,
    x.offTopic,
    x.failed,
    x.alerts,
    x.alertsFailed,
  ];
  const rows = [...r.sources.map((s) => cells(s.sourceId, s)), cells('TOTAL', r.totals)].map((row) => row.map(String));
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(cols), ...rows.map(line)];
  for (const s of r.sources) for (const e of s.errors) out.push(`! ${s.sourceId}: ${e}`);
  out.push(
    runHadFailures(r)
      ? `run ${r.runId} finished in ${(r.durationMs / 1000).toFixed(1)} s with failures: ${r.totals.failed} article(s) or crawl(s), ${r.totals.alertsFailed} alert(s)`
      : `run ${r.runId} finished in ${(r.durationMs / 1000).toFixed(1)} s`,
  );
  return out.join('\n');
}
