// The article queue: wiring only; the work is processArticle in pipeline/article.
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { countExtraction } from '../src/stats/selector-rot.js';
import { reportFallbacks } from './repeated-warning.js';
import { settleArticle } from './ledger-outcome.js';
import { runJob, startJobWorker, type JobHandler, type QueueHandlers } from './job-worker.js';
import { removeStaleTempFiles } from '../src/write/article-files.js';
import { processArticle } from '../pipeline/article/process-article.js';
import { QUEUE, type ArticleOutcome } from '../base/queues.js';
import type { StageTimings } from '../src/stats/stage-timings.js';

const article: JobHandler<'article', ArticleOutcome> = {
  logFields: (data) => ({ sourceId: data.sourceId, url: data.url }),
  counter: (data, outcome) => ({ name: 'articles', source: data.sourceId, outcome }),
  async run(rt, { job, data, log, timings }) {
    const source = data.sourceId;
    let outcome: ArticleOutcome;
    try {
      outcome = await processArticle(data, {
        redis: rt.redis,
        keys: rt.keys,
        outDir: rt.outDir,
        log,
        sourceById: rt.sourceById,
        alerts: { matcher: rt.alerts.matcher, alertQueue: rt.queues.alert },
        ...(timings ? { timings } : {}),
        maybeRepeated: job.attemptsMade > 0 || job.stalledCounter > 0,
        warc: rt.warc,
        dedupe: {
          bucketBits: rt.env.TINWATCH_DEDUPE_BUCKET_BITS,
          retentionDays: rt.env.TINWATCH_DEDUPE_RETENTION_DAYS,
        },
        onExtracted: async (fallbacks, matched) => {
          countExtraction(rt.stats, rt.sourceById(source), fallbacks);
          if (fallbacks.length > 0) await rt.stats.count({ name: 'extraction_fallbacks', source });
          await reportFallbacks(rt, log, rt.sourceById(source), fallbacks, matched);
        },
      });
    } catch (err) {
      // The last attempt (or one that can never succeed): the URL's final bucket is "failed".
      // A re-check's failure leaves the story's written bucket alone.
      const last = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last && !data.recheck) await settleArticle(rt, source, data.storyId, null, (err as Error).message);
      await rt.stats.setHealth(source, { lastError: (err as Error).message, lastErrorAt: new Date().toISOString() });
      throw err;
    }
    await settleArticle(rt, source, data.storyId, outcome);
    log.info({ outcome: outcome.outcome }, 'article done');
    return outcome;
  },
};

export const ARTICLE_JOBS: QueueHandlers<typeof QUEUE.article> = { article };

export async function handleArticleJob(rt: Runtime, job: Job): Promise<ArticleOutcome> {
  return (await runJob(rt, QUEUE.article, ARTICLE_JOBS, job)) as ArticleOutcome;
}

export function startArticleWorker(
  rt: Runtime,
  concurrency: number = rt.env.TINWATCH_ARTICLE_CONCURRENCY,
  timings?: StageTimings,
): Worker {
  void removeStaleTempFiles(rt.outDir).then((n) => {
    if (n) rt.log.info({ removed: n }, 'removed temp files left by writers that died mid-write');
  });
  return startJobWorker(rt, QUEUE.article, ARTICLE_JOBS, concurrency, timings);
}
