// The alert queue: wiring only; delivery rules live in src/alert/deliver-alert.ts.
import type { Job, Worker } from 'bullmq';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { runJob, startJobWorker, type JobHandler, type QueueHandlers } from './job-worker.js';
import { deliverAlert, type AlertOutcome } from '../src/alert/deliver-alert.js';
import { QUEUE, type AlertJobData } from '../base/queues.js';

const deliver: JobHandler<'alert' | 'digest', AlertOutcome> = {
  logFields: (data) => ({ channel: data.channel }),
  counter: (data, outcome) => ({ name: 'alerts', channel: data.channel, outcome }),
  async run(rt, { job, token, log }) {
    const outcome = await deliverAlert(job as Job<AlertJobData>, token, {
      redis: rt.redis,
      keys: rt.keys,
      log,
      channel: (name) => rt.alerts.channel(name),
      ratePerMinute: (name) => rt.alerts.ratePerMinute(name),
      outDir: rt.outDir,
    });
    log.info({ outcome: outcome.outcome }, 'alert done');
    return outcome;
  },
};

/** An instant alert and a digest are delivered alike: the payload's kind tells them apart. */
export const ALERT_JOBS: QueueHandlers<typeof QUEUE.alert> = { alert: deliver, digest: deliver };

export async function handleAlertJob(rt: Runtime, job: Job, token?: string): Promise<AlertOutcome> {
  return (await runJob(rt, QUEUE.alert, ALERT_JOBS, job, token)) as AlertOutcome;
}

export function startAlertWorker(rt: Runtime, concurrency = 4): Worker {
  return startJobWorker(rt, QUEUE.alert, ALERT_JOBS, concurrency);
}
