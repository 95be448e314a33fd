// The one way a job is run, whatever its queue: its row found in the job table by queue and name,
// its payload checked (a job that can never run fails for good: UnrecoverableError, with the
// reason the failed list shows), a child logger for the job, its outcome counted, then its
// handler. Each queue's worker passes its handlers, one per row of its queue: the type checker
// asks for all of them. The handlers stay per queue so an article thread never loads crawlee.
import { DelayedError, UnrecoverableError, type Job, type Worker } from 'bullmq';
import type { Logger } from '../base/logger.js';
import { JOBS, jobTypeOf, type JobData, type JobsOf, type JobType } from '../base/job-table.js';
import type { QueueName } from '../base/queues.js';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import type { Counter } from '../src/stats/pipeline-stats.js';
import type { StageTimings } from '../src/stats/stage-timings.js';
import { startWorker } from './start-worker.js';

export interface JobContext<T extends JobType> {
  job: Job;
  token: string | undefined;
  data: JobData<T>;
  /** A child of the runtime's logger with the job's queue, id and the row's fields. */
  log: Logger;
  /** Per-stage time accounting: given only by a run that measures it (the pipeline benchmark). */
  timings?: StageTimings;
}

export interface JobHandler<T extends JobType, R = unknown> {
  run(rt: Runtime, ctx: JobContext<T>): Promise<R>;
  /** What the job's log lines carry beside its queue and id. */
  logFields?(data: JobData<T>, job: Job): Record<string, unknown>;
  /** The counter of the job's outcome: `outcome` is the result's, 'error', or 'delayed'. */
  counter?(data: JobData<T>, outcome: string): Counter;
}

/** One handler for each kind of job the queue holds. */
export type QueueHandlers<Q extends QueueName> = { [T in JobsOf<Q>]: JobHandler<T> };

function outcomeOf(result: unknown): string {
  const outcome = (result as { outcome?: unknown } | null)?.outcome;
  return typeof outcome === 'string' ? outcome : 'done';
}

export async function runJob<Q extends QueueName>(
  rt: Runtime,
  queue: Q,
  handlers: QueueHandlers<Q>,
  job: Job,
  token?: string,
  timings?: StageTimings,
): Promise<unknown> {
  const type = jobTypeOf(queue, job.name);
  if (!type) throw new UnrecoverableError(`no "${job.name}" job on the ${queue} queue`);
  const parsed = JOBS[type].schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad ${type} job payload: ${parsed.error.message}`);
  // One row's handler for that row's data: the table's types tie them, TypeScript cannot see it.
  const handler = handlers[type] as unknown as JobHandler<JobType>;
  const data = parsed.data as JobData<JobType>;
  const log = rt.log.child({ queue, jobId: job.id, ...handler.logFields?.(data, job) });
  let result: unknown;
  try {
    result = await handler.run(rt, { job, token, data, log, ...(timings ? { timings } : {}) });
  } catch (err) {
    // A rate-limited or re-planned job is moved back to delayed, not failed.
    if (handler.counter) await rt.stats.count(handler.counter(data, err instanceof DelayedError ? 'delayed' : 'error'));
    throw err;
  }
  if (handler.counter) await rt.stats.count(handler.counter(data, outcomeOf(result)));
  return result;
}

export function startJobWorker<Q extends QueueName>(
  rt: Runtime,
  queue: Q,
  handlers: QueueHandlers<Q>,
  concurrency: number,
  timings?: StageTimings,
): Worker {
  return startWorker(rt, queue, (job, token) => runJob(rt, queue, handlers, job, token, timings), concurrency);
}
