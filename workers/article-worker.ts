// The article queue: wiring only; the work is processArticle in src/pipeline.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { PIPELINE } from '../config/pipeline.js';
import type { Runtime } from '../src/app/runtime.js';
import { processArticle } from '../src/pipeline/process-article.js';
import { articleJobSchema, QUEUE, type ArticleOutcome } from '../src/queues.js';

export async function handleArticleJob(rt: Runtime, job: Job): Promise<ArticleOutcome> {
  const parsed = articleJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad article job payload: ${parsed.error.message}`);
  const log = rt.log.child({
    queue: QUEUE.article,
    jobId: job.id,
    sourceId: parsed.data.sourceId,
    url: parsed.data.url,
  });
  const outcome = await processArticle(parsed.data, {
    redis: rt.redis,
    keys: rt.keys,
    outDir: rt.outDir,
    log,
    sourceById: rt.sourceById,
    alerts: { matcher: rt.alerts.matcher, alertQueue: rt.queues.alert },
  });
  log.info({ outcome: outcome.outcome }, 'article done');
  return outcome;
}

export function startArticleWorker(rt: Runtime, concurrency: number = PIPELINE.articleConcurrency): Worker {
  const worker = new Worker(QUEUE.article, (job) => handleArticleJob(rt, job), {
    connection: rt.workerConnection(),
    prefix: rt.keys.bullPrefix,
    concurrency,
    stalledInterval: PIPELINE.stalledIntervalMs,
    lockDuration: PIPELINE.lockDurationMs,
  });
  worker.on('failed', (job, err) =>
    rt.log.error({ queue: QUEUE.article, jobId: job?.id, url: job?.data?.url, err: err.message }, 'article job failed'),
  );
  worker.on('error', (err) => rt.log.error({ queue: QUEUE.article, err: err.message }, 'article worker error'));
  return worker;
}
