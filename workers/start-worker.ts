// Every tinwatch worker is built the same way (ARCHITECTURE.md, house habits): its own blocking connection, the
// deployment's prefix, one stalled interval and lock duration everywhere, failures logged.
import { Worker, type Job } from 'bullmq';
import { PIPELINE } from '../config/pipeline.js';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import type { QueueName } from '../base/queues.js';

export function startWorker(
  rt: Runtime,
  queue: QueueName,
  handler: (job: Job, token?: string) => Promise<unknown>,
  concurrency: number,
): Worker {
  const timed = async (job: Job, token?: string): Promise<unknown> => {
    const started = performance.now();
    try {
      return await handler(job, token);
    } finally {
      await rt.stats.observeDuration(queue, (performance.now() - started) / 1000).catch(() => undefined);
    }
  };
  const worker = new Worker(queue, timed, {
    connection: rt.workerConnection(),
    prefix: rt.keys.bullPrefix,
    concurrency,
    stalledInterval: rt.env.TINWATCH_STALLED_MS,
    lockDuration: rt.env.TINWATCH_LOCK_MS,
    maxStalledCount: PIPELINE.maxStalledCount[queue],
  });
  // A crawl that read nothing is said once per cause by source-outcome.ts, not at every attempt.
  worker.on('failed', (job, err) =>
    rt.log[err.name === 'DiscoveryFailedError' ? 'debug' : 'error'](
      { queue, jobId: job?.id, url: (job?.data as { url?: string } | undefined)?.url, err: err.message },
      `${queue} job failed`,
    ),
  );
  worker.on('error', (err) => rt.redisOutages.report(err, `${queue} worker error`, { queue }));
  return worker;
}
