// Issue 32, "Done when", as an operator runs it: the demo's outlets crawled by `tinwatch crawl
// --once` in a child process, Redis loses every key of the prefix, the next crawl refuses with one
// line and exit 3, `tinwatch recover` rebuilds the record, and a recrawl writes no file, line,
// seq or alert again; `export --since` the last seq prints nothing. (Before the recovery existed,
// `dedupe rebuild` was the documented step and the recrawl rewrote 19 stories and 41 seqs.)
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startReplayServer, type ReplayServer } from '../../../app/replay/replay-server.js';
import { readWatchlist } from '../../../config/load-watchlist.js';
import { clearPrefix } from '../../../base/redis/clear-prefix.js';
import { replayOriginMap } from '../../../base/url/origin-map.js';
import { SITES } from '../../helpers/fixtures.js';
import { startReceiver, type Receiver } from '../../helpers/http-receiver.js';
import { tempDir, testPrefix } from '../../helpers/test-runtime.js';

const BIN = path.resolve(import.meta.dirname, '../../../bin/tinwatch.js');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

describe('lose Redis, `tinwatch recover`, recrawl: nothing twice (command line)', () => {
  let replay: ReplayServer;
  let rx: Receiver;
  let redis: Redis;
  const prefix = testPrefix();
  const out = tempDir('tw-recover-cli');
  const watchlistFile = path.join(tempDir('tw-recover-cli-rules'), 'watchlist.yaml');

  const tinwatch = (...args: string[]): Promise<Ran> =>
    new Promise((resolve) => {
      const env = {
        ...process.env,
        REDIS_URL: inject('redisUrl'),
        TINWATCH_PREFIX: prefix,
        TINWATCH_WATCHLIST: watchlistFile,
        LOG_LEVEL: 'warn',
      };
      const originMap = JSON.stringify(replayOriginMap(replay.url, readdirSync(SITES)));
      execFile(
        process.execPath,
        [BIN, '--out', out, '--origin-map', originMap, ...args],
        { env, maxBuffer: 64 << 20 },
        (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  const manifest = (): string => readFileSync(path.join(out, 'manifest.jsonl'), 'utf8');
  const articles = (): string[] => readdirSync(path.join(out, 'articles')).sort();
  const alertKeys = (): string[] => rx.received.map((r) => String(r.headers['idempotency-key']));

  beforeAll(async () => {
    replay = await startReplayServer(SITES);
    rx = await startReceiver();
    redis = new Redis(inject('redisUrl'));
    // The bundled rules, each sent at once to a local webhook (YAML reads JSON).
    const rules = readWatchlist().rules.map((r) => ({
      name: r.name,
      query: r.query,
      channels: ['hook'],
      ...(r.profile ? { profile: r.profile } : {}),
    }));
    writeFileSync(
      watchlistFile,
      JSON.stringify({ channels: { hook: { type: 'webhook', url: `${rx.url}/hook`, ratePerMinute: 10_000 } }, rules }),
    );
  });
  afterAll(async () => {
    await clearPrefix(redis, prefix);
    redis.disconnect();
    await rx.close();
    await replay.close();
  });

  it('refuses, recovers, and the recrawl repeats no file, seq, alert or exported line', async () => {
    const first = await tinwatch('crawl', '--once');
    expect(first.code).toBe(0);
    const filesBefore = articles();
    const manifestBefore = manifest();
    const alertsBefore = alertKeys();
    expect(filesBefore.length).toBeGreaterThan(20);
    expect(alertsBefore.length).toBeGreaterThan(10);
    const lastSeq = Math.max(
      ...manifestBefore
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { seq?: number }).seq ?? -1),
    );

    await clearPrefix(redis, prefix); // Redis came back with no data for the prefix

    const refused = await tinwatch('crawl', '--once');
    expect(refused.code).toBe(3);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/holds no record of .*run `tinwatch recover` first/);
    expect(manifest()).toBe(manifestBefore);

    const recovered = await tinwatch('recover');
    expect(recovered).toMatchObject({ code: 0 });
    expect(recovered.stdout).toMatch(/^recovered prefix "t-[0-9a-f]+" from .*: \d+ article\(s\)/);
    expect(recovered.stdout).toContain(`${alertsBefore.length} alert(s) marked sent`);
    expect(recovered.stdout).toContain('alerts still owed: 0 digest entries, 0 instant;');

    const again = await tinwatch('crawl', '--once');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^TOTAL\s+\d+\s+\d+\s+0\s+0\s+\d+\s+0\s+0\s+0$/m); // nothing written, 0 alerts
    expect(articles()).toEqual(filesBefore);
    expect(manifest()).toBe(manifestBefore);
    expect(alertKeys()).toEqual(alertsBefore);
    const exported = await tinwatch('export', '--since', String(lastSeq));
    expect(exported).toMatchObject({ code: 0, stdout: '' });
  }, 600_000);
});
