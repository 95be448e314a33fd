// The alert queue: wiring only; delivery rules live in src/alert/deliver-alert.ts.
import { DelayedError, UnrecoverableError, type Job, type Worker } from 'bullmq';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import { startWorker } from './start-worker.js';
import { deliverAlert, type AlertOutcome } from '../src/alert/deliver-alert.js';
import { alertJobSchema, QUEUE, type AlertJobData } from '../base/queues.js';

export async function handleAlertJob(rt: Runtime, job: Job, token?: string): Promise<AlertOutcome> {
  const parsed = alertJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad alert job payload: ${parsed.error.message}`);
  const log = rt.log.child({ queue: QUEUE.alert, jobId: job.id, channel: parsed.data.channel });
  const channel = parsed.data.channel;
  let outcome: AlertOutcome;
  try {
    outcome = await deliverAlert(job as Job<AlertJobData>, token, {
      redis: rt.redis,
      keys: rt.keys,
      log,
      channel: (name) => rt.alerts.channel(name),
      ratePerMinute: (name) => rt.alerts.ratePerMinute(name),
      outDir: rt.outDir,
    });
  } catch (err) {
    // A rate-limited alert is moved back to delayed, not failed.
    const outcomeLabel = err instanceof DelayedError ? 'delayed' : 'error';
    await rt.stats.count({ name: 'alerts', channel, outcome: outcomeLabel });
    throw err;
  }
  await rt.stats.count({ name: 'alerts', channel, outcome: outcome.outcome });
  log.info({ outcome: outcome.outcome }, 'alert done');
  return outcome;
}

export function startAlertWorker(rt: Runtime, concurrency = 4): Worker {
  return startWorker(rt, QUEUE.alert, (job, token) => handleAlertJob(rt, job, token), concurrency);
}
