// The job table: one row per kind of job, with its queue, its BullMQ job name and its payload
// schema. Producers add jobs through it (the payload is checked before it enters Redis); a worker
// finds a job's row by its queue and name and checks the payload again as it leaves
// (workers/job-worker.ts); each queue's worker binds one handler per row of its queue, which the
// type checker holds it to (QueueHandlers). Nothing else looks at a job's name.
import type { Job, JobsOptions, Queue } from 'bullmq';
import type { z } from 'zod';
import {
  alertJobSchema,
  articleJobSchema,
  crawlJobSchema,
  JOB,
  jobId,
  pollJobSchema,
  QUEUE,
  tickJobSchema,
  type ArticleJobData,
  type QueueName,
  type Queues,
} from './queues.js';

interface JobRow {
  queue: QueueName;
  name: string;
  schema: z.ZodType;
}

export const JOBS = {
  /** A schedule's tick: queues the source's crawl somewhere in the next jitter window. */
  tick: { queue: QUEUE.crawl, name: JOB.tick, schema: tickJobSchema },
  /** One crawl of one source (crawlers/crawl/crawl-source.ts). */
  crawl: { queue: QUEUE.crawl, name: JOB.crawl, schema: crawlJobSchema },
  /** One feed's poll, delayed again after each poll (workers/feed-poller.ts). */
  poll: { queue: QUEUE.crawl, name: JOB.poll, schema: pollJobSchema },
  /** One parked page made a story, a copy or a skip (pipeline/article/). */
  article: { queue: QUEUE.article, name: JOB.article, schema: articleJobSchema },
  /** One alert on one channel (src/alert/deliver-alert.ts). */
  alert: { queue: QUEUE.alert, name: JOB.alert, schema: alertJobSchema },
  /** One rule's digest on one channel, repeated by its scheduler. */
  digest: { queue: QUEUE.alert, name: JOB.digest, schema: alertJobSchema },
} as const satisfies Record<string, JobRow>;

export type JobType = keyof typeof JOBS;
export type JobData<T extends JobType> = z.infer<(typeof JOBS)[T]['schema']>;
/** The kinds of job one queue holds. */
export type JobsOf<Q extends QueueName> = { [T in JobType]: (typeof JOBS)[T]['queue'] extends Q ? T : never }[JobType];

const BY_QUEUE_AND_NAME = new Map<string, JobType>(
  (Object.keys(JOBS) as JobType[]).map((type) => [`${JOBS[type].queue}\n${JOBS[type].name}`, type]),
);

/** The row of a job met on a queue, or undefined for a name the table does not know. */
export function jobTypeOf<Q extends QueueName>(queue: Q, name: string): JobsOf<Q> | undefined {
  return BY_QUEUE_AND_NAME.get(`${queue}\n${name}`) as JobsOf<Q> | undefined;
}

/** Is this job (read back from its queue) of this kind? */
export function isJob(type: JobType, job: Pick<Job, 'name' | 'queueName'>): boolean {
  return JOBS[type].name === job.name && JOBS[type].queue === job.queueName;
}

/** A job ready for Queue.add/addBulk or a job scheduler's template, its payload checked. */
export function jobToAdd<T extends JobType>(
  type: T,
  data: JobData<T>,
  opts?: JobsOptions,
): { name: string; data: JobData<T>; opts?: JobsOptions } {
  const row: JobRow = JOBS[type];
  return { name: row.name, data: row.schema.parse(data) as JobData<T>, ...(opts ? { opts } : {}) };
}

/** Adds a job to its queue (the row says which), its payload checked. */
export async function addJob<T extends JobType>(
  queues: Queues | Queue,
  type: T,
  data: JobData<T>,
  opts?: JobsOptions,
): Promise<Job> {
  const queue = 'add' in queues ? queues : queues[JOBS[type].queue];
  if (queue.name !== JOBS[type].queue) throw new Error(`a ${type} job belongs on the ${JOBS[type].queue} queue`);
  const job = jobToAdd(type, data, opts);
  return queue.add(job.name, job.data, job.opts);
}

export async function addArticleJob(queue: Queue, data: ArticleJobData): Promise<string> {
  const id = data.recheck ? jobId.recheck(data.storyId, data.recheck.n) : jobId.article(data.storyId);
  await addJob(queue, 'article', data, { jobId: id });
  return id;
}

/**
 * Queues a crawl of one source the way a schedule tick does: at most one such crawl waits per
 * source (BullMQ deduplication), so a tick, a start-up crawl and a "crawl now" never pile up.
 * Returns the id of the job that waits (the existing one when deduplicated).
 */
export async function addSourceCrawl(queue: Queue, sourceId: string, delayMs = 0): Promise<string> {
  const job = await addJob(
    queue,
    'crawl',
    { sourceId },
    { ...(delayMs > 0 ? { delay: delayMs } : {}), deduplication: { id: jobId.crawlDedupe(sourceId) } },
  );
  return job.id ?? '';
}
