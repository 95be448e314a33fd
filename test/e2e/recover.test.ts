// The output folder is the record (issue 32): Redis loses every key of the prefix, writers refuse
// to start until `recover` rebuilds the record from the folder, and a recrawl of the demo's
// outlets then writes no story, file number, manifest seq or alert a second time, and
// `export --since` finds nothing new.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { runRecover } from '../../app/cli/recover-command.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { readWatchlist } from '../../config/load-watchlist.js';
import { watchlistSchema, type Watchlist } from '../../config/watchlist-schema.js';
import { ManifestExport } from '../../src/export/export-manifest.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { assignSequence } from '../../src/write/sequence.js';
import { BUNDLED_FIRST_RUN_TOTALS } from '../helpers/bundled-run.js';
import { SITES } from '../helpers/fixtures.js';
import { startReceiver, type Receiver } from '../helpers/http-receiver.js';
import { tempDir, testPrefix, testRuntime } from '../helpers/test-runtime.js';

interface Line {
  type: string;
  id: string;
  seq?: number;
  file?: string;
  matched_rules?: string[];
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
    expect(first.totals.written).toBe(BUNDLED_FIRST_RUN_TOTALS.written);
    const filesBefore = articles();
    const linesBefore = manifest();
    const alertsBefore = alertKeys();
    expect(alertsBefore.length).toBeGreaterThan(10);
    expect(new Set(alertsBefore).size).toBe(alertsBefore.length);

    // One story's worker died after its file and alerts, before its manifest line: only the
    // file and alerts.jsonl say it was written and alerted.
    const cutOff = linesBefore.find((l) => l.type === 'article' && (l.matched_rules ?? []).length > 0 && l.seq! < 30)!;
    const rawLines = readFileSync(path.join(outDir, 'manifest.jsonl'), 'utf8').split('\n');
    writeFileSync(
      path.join(outDir, 'manifest.jsonl'),
      rawLines.filter((l) => !l.includes(`"id":"${cutOff.id}"`)).join('\n'),
    );

    // Redis comes back with no data for the prefix.
    await clearPrefix(rt.redis, prefix);
    // A process that was running goes on, but takes no file number from the empty counter.
    await expect(assignSequence(rt.redis, rt.keys, 'ffffffffffffffff')).rejects.toThrow(/tinwatch recover/);
    await rt.cleanup();

    // A new run refuses to write, with one line naming the recovery.
    await expect(testRuntime(opts)).rejects.toThrow(/holds no record of .*run `tinwatch recover` first/);

    const reader = await testRuntime({ ...opts, outFolder: 'none' });
    const report = await runRecover(reader, false);
    expect(report).toMatch(/42 article\(s\), 2 duplicate line\(s\); next file number 43;/);
    expect(report).toContain(`${alertsBefore.length} alert(s) marked sent`);
    expect(report).toContain('! 1 article file(s) without a manifest line');
    expect(await runRecover(reader, false)).toMatch(/nothing to recover/);
    await reader.close();

    const again = await testRuntime(opts);
    try {
      const second = await crawlOnce(again, { sources: again.sources, pollMs: 50 });
      // Only the cut-off story is written again (same file, same number, its line now written)
      // and the off-topic pages (the folder keeps no record of them) are judged again.
      expect(second.totals).toMatchObject({ written: 1, duplicate: 0, failed: 0 });
      expect(second.totals.new).toBe(first.totals.offTopic + 1);
      expect(articles()).toEqual(filesBefore);
      const after = manifest();
      expect(after.slice(0, -1)).toEqual(linesBefore.filter((l) => l.id !== cutOff.id));
      expect(after.at(-1)).toMatchObject({ id: cutOff.id, seq: cutOff.seq, file: cutOff.file });
      // Its alerts were sent before Redis lost its data: alerts.jsonl kept them from going again.
      await new Promise((r) => setTimeout(r, 500));
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
      // The archive pulled up to the last seq before the loss: it gets the one line it never had.
      expect(await exp.drain()).toBe(1);
      expect(JSON.parse(out[0]!)).toMatchObject({ id: cutOff.id, seq: cutOff.seq });
      // The next new story takes the next number.
      expect(await assignSequence(again.redis, again.keys, 'eeeeeeeeeeeeeeee')).toBe(BUNDLED_FIRST_RUN_TOTALS.written);
    } finally {
      await again.cleanup();
    }
  }, 900_000);
});
