// Issue 32, Deliver 1: alerts owed when Redis lost its data go out once — never twice, never
// lost. Digest rules keep their stories in a pending hash until the digest runs, and instant alerts
// wait as queued jobs: both vanish with Redis. `tinwatch recover` owes again what the manifest
// says matched and alerts.jsonl says did not go out; a recrawl owes nothing more.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce } from '../../../workers/run-once/crawl-once.js';
import { runRecover } from '../../../app/cli/recover-command.js';
import { startReplayServer, type ReplayServer } from '../../../app/replay/replay-server.js';
import { readWatchlist } from '../../../config/load-watchlist.js';
import { watchlistSchema, type Watchlist } from '../../../config/watchlist-schema.js';
import { JOB } from '../../../base/queues.js';
import { clearPrefix } from '../../../base/redis/clear-prefix.js';
import type { Runtime } from '../../../pipeline/runtime/runtime.js';
import { replayOriginMap } from '../../../base/url/origin-map.js';
import { handleAlertJob } from '../../../workers/alert-worker.js';
import { SITES } from '../../helpers/fixtures.js';
import { startReceiver, type Receiver } from '../../helpers/http-receiver.js';
import { tempDir, testPrefix, testRuntime } from '../../helpers/test-runtime.js';

/** The bundled rules on one local webhook; every other rule a digest. */
function mixedWatchlist(url: string): { watchlist: Watchlist; digestRules: string[] } {
  const base = readWatchlist();
  const digestRules = base.rules.filter((_, i) => i % 2 === 0).map((r) => r.name);
  const watchlist = watchlistSchema.parse({
    channels: { hook: { type: 'webhook', url, ratePerMinute: 10_000 } },
    rules: base.rules.map((r) => ({
      name: r.name,
      query: r.query,
      channels: ['hook'],
      ...(r.profile ? { profile: r.profile } : {}),
      ...(digestRules.includes(r.name) ? { digest: { everyMinutes: 60 } } : {}),
    })),
  });
  return { watchlist, digestRules };
}

interface Delivered {
  rule: string;
  story: string;
}

describe('recover owes again the alerts Redis lost, once', () => {
  let replay: ReplayServer;
  let rx: Receiver;
  const prefix = testPrefix();
  const outDir = tempDir('tw-owed');
  let opts: Parameters<typeof testRuntime>[0];
  let digestRules: string[];

  /** Every (rule, story) the receiver got, from instant alerts and digests alike. */
  const delivered = (): Delivered[] =>
    rx.received.flatMap((r) => {
      const body = JSON.parse(r.body) as { type?: string; rule?: string; story_id?: string; items?: Delivered[] };
      const items = (body.items ?? [body]) as { rule: string; story_id: string }[];
      return items.map((i) => ({ rule: i.rule, story: i.story_id }));
    });
  const key = (d: Delivered): string => `${d.rule} ${d.story}`;
  /** What the manifest says matched: each (rule, story) owed exactly one delivery. */
  const owed = (): string[] =>
    readFileSync(path.join(outDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; id: string; matched_rules?: string[] })
      .filter((l) => l.type === 'article')
      .flatMap((l) => (l.matched_rules ?? []).map((rule) => `${rule} ${l.id}`))
      .sort();

  let digestRun = 0;
  async function runDigests(rt: Runtime, rules: readonly string[]): Promise<void> {
    digestRun++;
    for (const rule of rules) {
      // The id a job scheduler gives its digest jobs: `repeat:<scheduler id>:<millis>`.
      const job = await rt.queues.alert.add(
        JOB.digest,
        { kind: 'digest', rule, channel: 'hook' },
        { jobId: `repeat:digest-${rule}-hook:${digestRun}` },
      );
      await handleAlertJob(rt, job);
      await job.remove();
    }
  }
  async function runInstant(rt: Runtime, which: (i: number) => boolean): Promise<void> {
    const jobs = (await rt.queues.alert.getJobs(['waiting', 'prioritized'])).sort((a, b) => a.id!.localeCompare(b.id!));
    for (const [i, job] of jobs.entries()) {
      if (!which(i)) continue;
      await handleAlertJob(rt, job);
      await job.remove();
    }
  }

  beforeAll(async () => {
    replay = await startReplayServer(SITES);
    rx = await startReceiver();
    const mixed = mixedWatchlist(`${rx.url}/hook`);
    digestRules = mixed.digestRules;
    opts = {
      prefix,
      outDir,
      originMap: replayOriginMap(replay.url, readdirSync(SITES)),
      watchlist: mixed.watchlist,
    };
  });
  afterAll(async () => {
    await rx.close();
    await replay.close();
  });

  it('digest entries and queued alerts come back from the folder; nothing is sent twice or lost', async () => {
    const rt = await testRuntime(opts);
    // Stories written and alerts owed, but no alert worker ran yet.
    await crawlOnce(rt, { sources: rt.sources, pollMs: 50, localQueues: ['crawl', 'article'], skipAlertWait: true });
    const mustGo = owed();
    const digestOwed = mustGo.filter((k) => digestRules.includes(k.split(' ')[0]!));
    expect(digestOwed.length).toBeGreaterThan(3);
    expect(mustGo.length - digestOwed.length).toBeGreaterThan(3);

    // Part goes out before the loss: the first digest rule's digest, every other instant alert.
    await runDigests(rt, digestRules.slice(0, 1));
    await runInstant(rt, (i) => i % 2 === 0);
    const before = delivered().map(key);
    expect(before.length).toBeGreaterThan(2);

    await clearPrefix(rt.redis, prefix);
    await rt.cleanup();
    const reader = await testRuntime({ ...opts, outFolder: 'none' });
    const report = await runRecover(reader, false);
    const stillOwed = mustGo.filter((k) => !before.includes(k));
    const digestStillOwed = stillOwed.filter((k) => digestRules.includes(k.split(' ')[0]!)).length;
    expect(report).toContain(
      `alerts still owed: ${digestStillOwed} digest entries, ${stillOwed.length - digestStillOwed} instant;`,
    );
    await reader.close();

    const again = await testRuntime(opts);
    try {
      await runDigests(again, digestRules);
      await runInstant(again, () => true);
      // A recrawl writes nothing and owes nothing; later digests find nothing pending.
      const second = await crawlOnce(again, { sources: again.sources, pollMs: 50 });
      expect(second.totals).toMatchObject({ written: 0, alerts: 0 });
      await runDigests(again, digestRules);
      const all = delivered().map(key).sort();
      expect(new Set(all).size).toBe(all.length); // never twice
      expect(all).toEqual(mustGo); // never lost
    } finally {
      await again.cleanup();
    }
  }, 300_000);
});
