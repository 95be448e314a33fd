// Final outcomes of a run's jobs, read from BullMQ's events stream instead of by polling each job.
// Polling asked Redis for the state of every pending job every poll: with thousands of article
// jobs that was several state scripts per page, more Redis work than the pipeline itself did. The
// stream holds each job's 'completed' (with its return value) or final 'failed' once, for local
// and remote workers alike. The stream is capped, so an event can be trimmed away before it is
// read, or lost to a reconnect: jobs that stay quiet are looked up directly, now and then.
//
// The stream also holds four other events per job (added, waiting, active, drained…). BullMQ's
// QueueEvents hands every one of them to this process to parse, a visible share of the crawling
// thread's CPU. A small script reads the stream inside Redis and returns only finished jobs' ids
// and values (figures: BENCHMARKS.md, "Figures behind design choices").
import { Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { scriptCommand } from '../../base/redis/script-command.js';

export type Finished = { state: 'completed'; value: unknown } | { state: 'failed'; reason: string };

export interface JobOutcomesOptions {
  /** A connection to duplicate for the stream reader. */
  connection: Redis;
  /** How often waiting falls back to reading states for jobs not heard of (ms). */
  reconcileMs?: number;
  /** Pause between reads when the last one reached the stream's end (ms). */
  pollMs?: number;
}

/** Outcomes kept for jobs nobody waits for yet (a run's article jobs finish before their crawl). */
const MAX_UNCLAIMED = 200_000;
/** Stream entries one read looks at. */
const READ_COUNT = 2_000;

// After ARGV[1] (exclusive), up to ARGV[2] entries: the id of the last one looked at, how many
// were looked at, and for each 'completed' or 'failed' event its kind, job id and value
// (returnvalue or failedReason), flattened. BullMQ writes these as
// event <kind> jobId <id> returnvalue|failedReason <value> prev <state>.
const READ_FINISHED = `
local entries = redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', tonumber(ARGV[2]))
local out = {}
local last = ARGV[1]
for i = 1, #entries do
  local e = entries[i]
  last = e[1]
  local f = e[2]
  if f[1] == 'event' and (f[2] == 'completed' or f[2] == 'failed') then
    local jobId = nil
    local value = ''
    for k = 3, #f - 1, 2 do
      if f[k] == 'jobId' then jobId = f[k + 1]
      elseif f[k] == 'returnvalue' or f[k] == 'failedReason' then value = f[k + 1] end
    end
    if jobId then
      out[#out + 1] = f[2]
      out[#out + 1] = jobId
      out[#out + 1] = value
    end
  end
end
return {last, #entries, out}
`;

type ReadFinishedFn = (stream: string, after: string, count: number) => Promise<[string, number, string[]]>;

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export class JobOutcomes {
  /** The stream reader's own connection, so its reads never queue behind other commands. */
  private readonly connection: Redis;
  private readonly outcomes = new Map<string, Finished>();
  private readonly reconcileMs: number;
  private readonly pollMs: number;
  private closed = false;
  private readonly reading: Promise<void>;

  private constructor(
    private readonly queue: Queue,
    opts: JobOutcomesOptions,
    lastEventId: string,
  ) {
    this.reconcileMs = opts.reconcileMs ?? 5_000;
    this.pollMs = opts.pollMs ?? 50;
    this.connection = opts.connection.duplicate({ maxRetriesPerRequest: null });
    // ioredis prints connection errors without a listener; reads retry and look-ups recover
    // what an outage hides, so an outage needs no action here.
    this.connection.on('error', () => undefined);
    this.reading = this.read(lastEventId);
  }

  /**
   * Starts reading the queue's events from the stream's current end, so nothing that happens
   * after this call is missed (call it before adding the jobs to wait for).
   */
  static async open(queue: Queue, opts: JobOutcomesOptions): Promise<JobOutcomes> {
    const last = await opts.connection.xrevrange(queue.keys.events!, '+', '-', 'COUNT', 1);
    return new JobOutcomes(queue, opts, last[0]?.[0] ?? '0-0');
  }

  private async read(after: string): Promise<void> {
    const readFinished = scriptCommand<ReadFinishedFn>(this.connection, 'tinwatchReadFinished', READ_FINISHED, {
      numberOfKeys: 1,
    });
    const stream = this.queue.keys.events!;
    let last = after;
    while (!this.closed) {
      let looked = 0;
      try {
        const [next, n, found] = await readFinished(stream, last, READ_COUNT);
        last = next;
        looked = n;
        for (let i = 0; i + 2 < found.length; i += 3) {
          const [kind, jobId, value] = [found[i]!, found[i + 1]!, found[i + 2]!];
          this.record(
            jobId,
            kind === 'completed'
              ? { state: 'completed', value: parseValue(value) }
              : { state: 'failed', reason: value },
          );
        }
      } catch {
        // Redis unreachable or restarting: read again after a pause; jobs whose events are lost
        // meanwhile are settled by the look-ups in waitFor.
      }
      // A full read means more is waiting; otherwise the end was reached: pause before the next.
      if (looked < READ_COUNT && !this.closed) await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }

  private record(jobId: string, result: Finished): void {
    if (this.outcomes.size >= MAX_UNCLAIMED) this.outcomes.delete(this.outcomes.keys().next().value!);
    this.outcomes.set(jobId, result);
  }

  /** Looks the jobs up directly (the fallback for events not received). */
  private async lookUp(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      const states = await Promise.all(chunk.map((id) => this.queue.getJobState(id)));
      await Promise.all(
        chunk.map(async (id, k) => {
          const state = states[k];
          if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
          // Read the job only once it is finished, so its return value or reason is the final one.
          const job = await Job.fromId(this.queue, id);
          if (!job || state === 'unknown')
            this.outcomes.set(id, { state: 'failed', reason: `job ${id} disappeared from the queue` });
          else if (state === 'completed') this.outcomes.set(id, { state, value: job.returnvalue });
          else this.outcomes.set(id, { state, reason: job.failedReason });
        }),
      );
    }
  }

  /**
   * Waits until every job has finished, calling `onFinished` as each one does (so progress is
   * live) and `onTick` at least every `tickMs`. Throws once `deadline` (epoch ms) has passed.
   */
  async waitFor(
    ids: readonly string[],
    deadline: number,
    tickMs: number,
    onFinished: (id: string, result: Finished) => void,
    onTick: () => void = () => undefined,
  ): Promise<void> {
    const pending = new Set(ids);
    const settle = (): boolean => {
      const before = pending.size;
      // Walk the smaller side: outcomes not yet claimed are usually few, pending ids many.
      const candidates = this.outcomes.size < pending.size ? [...this.outcomes.keys()] : [...pending];
      for (const id of candidates) {
        const result = pending.has(id) ? this.outcomes.get(id) : undefined;
        if (!result) continue;
        pending.delete(id);
        this.outcomes.delete(id);
        onFinished(id, result);
      }
      return pending.size < before;
    };
    // While outcomes arrive, the stream is trusted; after `reconcileMs` without one, the pending
    // jobs are looked up, which also settles jobs whose events were trimmed or never read.
    let lastProgress = Date.now();
    for (;;) {
      if (settle()) lastProgress = Date.now();
      onTick();
      if (pending.size === 0) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pending.size} ${this.queue.name} job(s)`);
      if (Date.now() - lastProgress >= this.reconcileMs) {
        await this.lookUp([...pending]);
        lastProgress = Date.now();
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, tickMs));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    // Disconnecting first ends a read that waits for an unreachable Redis.
    this.connection.disconnect();
    await this.reading;
  }
}
