// Success is never reported for work that failed: a crawl whose every fetch failed exits 1 and
// says why, by cause (an unreachable robots.txt is not "disallowed"); alerts that fail are counted
// beside those sent; `retry` says when nothing is there to work the jobs it re-queued.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { crawlOnce, formatRunSummary, type RunSummary } from '../../workers/run-once/crawl-once.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { loadSources } from '../../config/load-sources.js';
import { loadWatchlist } from '../../config/load-watchlist.js';
import { freePort } from '../../base/redis/embedded-redis.js';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { SITES } from '../helpers/fixtures.js';
import { tempDir, testPrefix, testRuntime } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

describe('honest exit codes and summaries', () => {
  it('crawl --once where every fetch failed exits 1 and shows the cause', async () => {
    const closed = await freePort(); // nothing listens: every connection is refused
    const res = await run(process.execPath, [BIN, 'crawl', '--once', '--source', 'vnexpress'], {
      env: {
        ...process.env,
        REDIS_URL: inject('redisUrl'),
        TINWATCH_PREFIX: testPrefix(),
        // A folder of its own: the repository's out/ belongs to the prefix that wrote it first.
        TINWATCH_OUT: tempDir('tw-honest'),
        TINWATCH_ORIGIN_MAP: JSON.stringify({ 'https://vnexpress.net': `http://127.0.0.1:${closed}/vnexpress.net` }),
        LOG_LEVEL: 'silent',
      },
    }).catch((e: { code: number; stdout: string }) => e);
    expect(res).toHaveProperty('code', 1);
    const out = (res as { stdout: string }).stdout;
    expect(out).toMatch(/^vnexpress +0 +0 +0 +0 +0 +1 +0 +0$/m);
    expect(out).toMatch(
      /! vnexpress: crawl: every discovery URL of vnexpress failed \(\d+; \d+ robots-unreachable\): https:\/\/vnexpress\.net\/robots\.txt unreachable \(fetch failed: ECONNREFUSED; asked again after \d\d:\d\d:\d\d UTC\)/,
    );
    expect(out).not.toMatch(/disallows/);
    expect(out).toMatch(/finished in .* with failures: 1 article\(s\) or crawl\(s\), 0 alert\(s\)/);
  });

  describe('alerts that fail', () => {
    let replay: ReplayServer;
    let rt: Awaited<ReturnType<typeof testRuntime>>;
    let summary: RunSummary;

    beforeAll(async () => {
      replay = await startReplayServer(SITES);
      const shipped = loadWatchlist();
      // Every rule's alerts go to a webhook whose URL variable is not set.
      const watchlist = {
        ...shipped,
        channels: { ...shipped.channels, webhook: { ...shipped.channels.webhook!, urlEnv: 'TINWATCH_TEST_UNSET_URL' } },
        rules: shipped.rules.map((r) => ({ ...r, channels: ['webhook'] })),
      };
      rt = await testRuntime({
        sources: loadSources().filter((s) => s.id === 'vnexpress'),
        originMap: replayOriginMap(replay.url, ['vnexpress.net']),
        watchlist: watchlist as typeof shipped,
      });
      summary = await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
    });
    afterAll(async () => {
      await rt.cleanup();
      await replay.close();
    });

    it('are counted beside those sent, and the run says it had failures', () => {
      expect(summary.totals).toMatchObject({ written: 2, alerts: 0, failed: 0 });
      expect(summary.totals.alertsFailed).toBeGreaterThan(0);
      const text = formatRunSummary(summary);
      expect(text).toMatch(/alerts sent +failed$/m);
      expect(text).toContain('TINWATCH_TEST_UNSET_URL');
      expect(text).toMatch(/with failures: 0 article\(s\) or crawl\(s\), \d+ alert\(s\)/);
    });

    it('retry re-queues them and says that no worker is there to send them', async () => {
      const res = await run(process.execPath, [BIN, 'retry', '--queue', 'alert'], {
        env: { ...process.env, REDIS_URL: inject('redisUrl'), TINWATCH_PREFIX: rt.keys.prefix, LOG_LEVEL: 'silent' },
      });
      expect(res.stdout).toMatch(new RegExp(`re-queued ${summary.totals.alertsFailed} job\\(s\\)`));
      expect(res.stderr).toContain('no worker is working the alert queue now');
    });
  });
});
