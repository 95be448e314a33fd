// The output folder is the record (issue 32): Redis loses every key of the prefix, writers refuse
// to start until `recover` rebuilds the record from the folder, and a recrawl of the demo's
// outlets then writes no story, file number, manifest seq or alert a second time, and
// `export --since` finds nothing new.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce } from '../../app/cli/crawl-once.js';
import { runRecover } from '../../app/cli/recover-command.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { readWatchlist } from '../../config/load-watchlist.js';
import { watchlistSchema, type Watchlist } from '../../config/watchlist-schema.js';
import { ManifestExport } from '../../src/export/export-manifest.js';
import { clearPrefix } from '../../src/redis/clear-prefix.js';
import { replayOriginMap } from '../../src/url/origin-map.js';
import { assignSequence } from '../../src/write/sequence.js';
import { SITES } from '../helpers/fixtures.js';
import { startReceiver, type Receiver } from '../helpers/http-receiver.js';
import { tempDir, testPrefix, testRuntime } from '../helpers/test-runtime.js';

interface Line {
  type: string;
  id: string;
  seq?: number;
}

/** The bundled watchlist's rules, every one instant and sent to one local webhook. */
function webhookWatchlist(url: string): Watchlist {
  const base = readWatchlist();
  return watchlistSchema.parse({
    channels: { hook: { type: 'webhook', url, ratePerMinute: 10_000 } },
    rules: base.rules.map((r) => ({
      name: r.name,
      query: r.query,
      channels: ['hook'],
      ...(r.profile ? { profile: r.profile } : {}),
    })),
  });
}

describe('Redis loses its data: recover from the folder, recrawl, nothing twice', () => {
  let replay: ReplayServer;
  let rx: Receiver;
  const prefix = testPrefix();
  const outDir = tempDir('tw-recover');
  let opts: Parameters<typeof testRuntime>[0];

  const manifest = (): Line[] =>
    readFileSync(path.join(outDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
  const articles = (): string[] => readdirSync(path.join(outDir, 'articles')).sort();
  const alertKeys = (): string[] => rx.received.map((r) => String(r.headers['idempotency-key'] ?? r.body));

  beforeAll(async () => {
    replay = await startReplayServer(SITES);
    rx = await startReceiver();
    opts = {
      prefix,
      outDir,
      originMap: replayOriginMap(replay.url, readdirSync(SITES)),
      watchlist: webhookWatchlist(`${rx.url}/hook`),
    };
  });
  afterAll(async () => {
    await rx.close();
    await replay.close();
  });

  it('writes, loses Redis, refuses to write, recovers, recrawls: no story, number, seq or alert twice', async () => {
    const rt = await testRuntime(opts);
    const first = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    expect(first.totals.written).toBe(40);
    const filesBefore = articles();
    const linesBefore = manifest();
    const alertsBefore = alertKeys();
    expect(alertsBefore.length).toBeGreaterThan(10);
    expect(new Set(alertsBefore).size).toBe(alertsBefore.length);

    // Redis comes back with no data for the prefix.
    await clearPrefix(rt.redis, prefix);
    // A process that was running goes on, but takes no file number from the empty counter.
    await expect(assignSequence(rt.redis, rt.keys, 'ffffffffffffffff')).rejects.toThrow(/tinwatch recover/);
    await rt.cleanup();

    // A new run refuses to write, with one line naming the recovery.
    await expect(testRuntime(opts)).rejects.toThrow(/holds no record of .*run `tinwatch recover` first/);

    const reader = await testRuntime({ ...opts, outFolder: 'none' });
    const report = await runRecover(reader, false);
    expect(report).toMatch(/40 article\(s\), 1 duplicate line\(s\); next file number 40;/);
    expect(await runRecover(reader, false)).toMatch(/nothing to recover/);
    await reader.close();

    const again = await testRuntime(opts);
    try {
      const second = await crawlOnce(again, { sources: again.sources, pollMs: 50 });
      expect(second.totals).toMatchObject({ written: 0, duplicate: 0, failed: 0, alerts: 0 });
      // Only the off-topic pages (the folder keeps no record of them) were fetched again.
      expect(second.totals.new).toBe(first.totals.offTopic);
      expect(articles()).toEqual(filesBefore);
      expect(manifest()).toEqual(linesBefore);
      expect(alertKeys()).toEqual(alertsBefore);
      // An archive that pulled up to the last seq finds nothing new.
      const lastSeq = Math.max(...linesBefore.map((l) => l.seq ?? -1));
      const out: string[] = [];
      const exp = new ManifestExport(
        outDir,
        { since: { kind: 'seq', seq: lastSeq, after: 0 }, format: 'jsonl', withText: false },
        { write: (t) => out.push(t) },
        { write: () => undefined },
      );
      expect(await exp.drain()).toBe(0);
      // The next new story takes the next number.
      expect(await assignSequence(again.redis, again.keys, 'eeeeeeeeeeeeeeee')).toBe(40);
    } finally {
      await again.cleanup();
    }
  });
});
