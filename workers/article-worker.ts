// The article queue: wiring only; the work is processArticle in pipeline/article.
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { countExtraction } from '../src/stats/selector-rot.js';
import { reportFallbacks } from './repeated-warning.js';
import { settleArticle } from './ledger-outcome.js';
import { startWorker } from './start-worker.js';
import { removeStaleTempFiles } from '../src/write/article-files.js';
import { processArticle } from '../pipeline/article/process-article.js';
import { articleJobSchema, QUEUE, type ArticleOutcome } from '../base/queues.js';

export async function handleArticleJob(rt: Runtime, job: Job): Promise<ArticleOutcome> {
  const parsed = articleJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad article job payload: ${parsed.error.message}`);
  const log = rt.log.child({
    queue: QUEUE.article,
    jobId: job.id,
    sourceId: parsed.data.sourceId,
    url: parsed.data.url,
  });
  const source = parsed.data.sourceId;
  let outcome: ArticleOutcome;
  try {
    outcome = await processArticle(parsed.data, {
      redis: rt.redis,
      keys: rt.keys,
      outDir: rt.outDir,
      log,
      sourceById: rt.sourceById,
      alerts: { matcher: rt.alerts.matcher, alertQueue: rt.queues.alert },
      ...(rt.timings ? { timings: rt.timings } : {}),
      maybeRepeated: job.attemptsMade > 0 || job.stalledCounter > 0,
      warc: rt.warc,
      dedupe: { bucketBits: rt.env.TINWATCH_DEDUPE_BUCKET_BITS, retentionDays: rt.env.TINWATCH_DEDUPE_RETENTION_DAYS },
      onExtracted: async (fallbacks, matched) => {
        countExtraction(rt.stats, rt.sourceById(source), fallbacks);
        if (fallbacks.length > 0) await rt.stats.count({ name: 'extraction_fallbacks', source });
        await reportFallbacks(rt, log, rt.sourceById(source), fallbacks, matched);
      },
    });
  } catch (err) {
    // The last attempt (or one that can never succeed): the URL's final bucket is "failed".
    if (err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
      await settleArticle(rt, source, parsed.data.storyId, null, (err as Error).message);
    await rt.stats.count({ name: 'articles', source, outcome: 'error' });
    await rt.stats.setHealth(source, { lastError: (err as Error).message, lastErrorAt: new Date().toISOString() });
    throw err;
  }
  await rt.stats.count({ name: 'articles', source, outcome: outcome.outcome });
  await settleArticle(rt, source, parsed.data.storyId, outcome);
  log.info({ outcome: outcome.outcome }, 'article done');
  return outcome;
}

export function startArticleWorker(rt: Runtime, concurrency: number = rt.env.TINWATCH_ARTICLE_CONCURRENCY): Worker {
  void removeStaleTempFiles(rt.outDir).then((n) => {
    if (n) rt.log.info({ removed: n }, 'removed temp files left by writers that died mid-write');
  });
  return startWorker(rt, QUEUE.article, (job) => handleArticleJob(rt, job), concurrency);
}
