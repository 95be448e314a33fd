// One BullMQ job scheduler per source (cron from the source file). Each tick becomes a crawl job
// delayed by a random jitter (workers/crawl-worker.ts). Schedulers for sources no longer in the
// config are removed, so deleting a source file stops its crawls. Each feed's poll job is put in
// place beside them (poll-jobs.ts).
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { JOB, jobId } from '../base/queues.js';
import { ensurePollJobs, removeStalePollJobs } from './poll-jobs.js';

export async function syncSchedulers(rt: Runtime): Promise<string[]> {
  const wanted = new Set<string>();
  for (const source of rt.sources) {
    const id = jobId.scheduler(source.id);
    wanted.add(id);
    await rt.queues.crawl.upsertJobScheduler(
      id,
      { pattern: source.schedule.cron, tz: 'Asia/Ho_Chi_Minh' },
      { name: JOB.tick, data: { sourceId: source.id } },
    );
  }
  await syncDigestSchedulers(rt);
  const existing = await rt.queues.crawl.getJobSchedulers();
  for (const s of existing) {
    const key = s.key ?? s.id;
    if (key && key.startsWith('sched-') && !wanted.has(key)) await rt.queues.crawl.removeJobScheduler(key);
  }
  const polls = await ensurePollJobs(rt);
  polls.removed = await removeStalePollJobs(rt);
  rt.log.info({ schedulers: [...wanted], feedPolls: polls }, 'job schedulers in place');
  return [...wanted];
}

/** One scheduler per (digest rule, channel): every N minutes, or daily at HH:MM Vietnam time. */
export async function syncDigestSchedulers(rt: Runtime): Promise<string[]> {
  const wanted = new Set<string>();
  for (const rule of rt.alerts.watchlist.rules) {
    if (!rule.digest) continue;
    for (const channel of rule.channels) {
      const id = jobId.digestScheduler(rule.name, channel);
      wanted.add(id);
      const repeat =
        'everyMinutes' in rule.digest
          ? { every: rule.digest.everyMinutes * 60_000 }
          : {
              pattern: `${Number(rule.digest.dailyAt.slice(3))} ${Number(rule.digest.dailyAt.slice(0, 2))} * * *`,
              tz: 'Asia/Ho_Chi_Minh',
            };
      await rt.queues.alert.upsertJobScheduler(id, repeat, {
        name: JOB.digest,
        data: { kind: 'digest', rule: rule.name, channel },
      });
    }
  }
  for (const s of await rt.queues.alert.getJobSchedulers()) {
    const key = s.key ?? s.id;
    if (key && key.startsWith('digest-') && !wanted.has(key)) await rt.queues.alert.removeJobScheduler(key);
  }
  return [...wanted];
}
