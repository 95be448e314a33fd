// `tinwatch failed` and `tinwatch retry`: failed work is visible and recoverable. Jobs in BullMQ's
// failed sets are listed with their reasons and can be re-queued; an article whose raw page has
// expired is instead released from the seen set, so the next crawl fetches it again.
import { articleIdentity } from '../../base/url/canonical-url.js';
import type { Job } from 'bullmq';
import { QUEUE, type QueueName } from '../../base/queues.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';

export interface FailedItem {
  queue: QueueName | 'fetch';
  id: string;
  what: string;
  reason: string;
  attempts: number;
  at: string;
}

function describe(queue: QueueName, job: Job): string {
  const d = job.data as Record<string, unknown>;
  if (queue === QUEUE.article) return `${String(d.sourceId)} ${String(d.url)}`;
  if (queue === QUEUE.crawl) return `crawl ${String(d.sourceId)}`;
  const item = d.item as { rule?: string; story?: { title?: string } } | undefined;
  return `${String(d.channel)} ${item?.rule ?? String(d.rule ?? '')} ${item?.story?.title ?? ''}`.trim();
}

export async function listFailed(
  rt: Runtime,
  queues: readonly (QueueName | 'fetch')[],
  limit = 200,
): Promise<FailedItem[]> {
  const out: FailedItem[] = [];
  for (const q of queues) {
    if (q === 'fetch') {
      for (const raw of await rt.redis.lrange(rt.keys.fetchFailures, 0, limit - 1)) {
        const f = JSON.parse(raw) as { sourceId: string; url: string; kind: string; reason: string; at: string };
        out.push({
          queue: 'fetch',
          id: '-',
          what: `${f.sourceId} ${f.kind} ${f.url}`,
          reason: f.reason,
          attempts: 0,
          at: f.at,
        });
      }
      continue;
    }
    for (const job of await rt.queues[q].getFailed(0, limit - 1)) {
      out.push({
        queue: q,
        id: job.id ?? '',
        what: describe(q, job),
        reason: job.failedReason,
        attempts: job.attemptsMade,
        at: new Date(job.finishedOn ?? job.timestamp).toISOString(),
      });
    }
  }
  return out;
}

export interface RetryResult {
  requeued: string[];
  refetch: string[];
  /** The queues a job was re-queued on. */
  queues: QueueName[];
}

export async function retryFailed(
  rt: Runtime,
  queues: readonly QueueName[],
  ids: readonly string[] = [],
): Promise<RetryResult> {
  const result: RetryResult = { requeued: [], refetch: [], queues: [] };
  for (const q of queues) {
    const jobs = ids.length
      ? (await Promise.all(ids.map((id) => rt.queues[q].getJob(id)))).filter((j): j is Job => !!j)
      : await rt.queues[q].getFailed(0, -1);
    for (const job of jobs) {
      if ((await job.getState()) !== 'failed') continue;
      const d = job.data as { canonicalUrl?: string; rawKey?: string; sourceId?: string };
      if (q === QUEUE.article && d.rawKey && !(await rt.redis.exists(d.rawKey))) {
        // Nothing left to extract from: forget the URL so the next crawl fetches it again.
        const source = rt.sources.find((s) => s.id === d.sourceId);
        await rt.redis.srem(rt.keys.seen, articleIdentity(d.canonicalUrl ?? '', source?.canonical));
        await job.remove();
        result.refetch.push(job.id ?? '');
        continue;
      }
      await job.retry('failed');
      result.requeued.push(job.id ?? '');
      if (!result.queues.includes(q)) result.queues.push(q);
    }
  }
  return result;
}
