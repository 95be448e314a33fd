// The command line as users run it: `tinwatch crawl --once` in a child process against the
// replay server and the test Redis, configured only through flags and environment.
import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { SITES } from '../helpers/fixtures.js';
import { loadEvalArticles, type EvalArticle } from '../../evaluation/own-eval-set.js';
import { startReceiver } from '../helpers/http-receiver.js';
import { first, todayCopy, type Piece } from '../helpers/expanded-copy-pieces.js';
import { tempDir, testPrefix } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

describe('tinwatch CLI', () => {
  let replay: ReplayServer;
  const prefix = testPrefix();
  const out = tempDir('tw-cli');

  beforeAll(async () => {
    replay = await startReplayServer(SITES);
  });
  afterAll(async () => {
    const r = new Redis(inject('redisUrl'));
    await clearPrefix(r, prefix);
    r.disconnect();
    await replay.close();
  });

  it('crawl --once --source prints the summary and writes files', async () => {
    const env = { ...process.env, REDIS_URL: inject('redisUrl'), TINWATCH_PREFIX: prefix, LOG_LEVEL: 'warn' };
    const { stdout } = await run(
      process.execPath,
      [
        BIN,
        '--out',
        out,
        '--origin-map',
        JSON.stringify(replayOriginMap(replay.url, readdirSync(SITES))),
        'crawl',
        '--once',
        '--source',
        'kbs-vietnamese',
        '--show-skipped',
      ],
      { env },
    );
    expect(stdout).toMatch(
      /^source\s+discovered\s+new\s+written\s+duplicate\s+off-topic\s+failed\s+alerts sent\s+failed$/m,
    );
    expect(stdout).toMatch(/^kbs-vietnamese\s+3\s+3\s+2\s+0\s+1\s+0\s+2\s+0$/m);
    expect(stdout).toContain('off-topic kbs-vietnamese: Xuất khẩu mỹ phẩm Hàn Quốc đạt mức cao kỷ lục');
    // An off-topic decision shows its reason in words and its score, never a bare title.
    expect(stdout).toMatch(
      /off-topic kbs-vietnamese: Xuất khẩu mỹ phẩm Hàn Quốc đạt mức cao kỷ lục \(.+; score [\d.]+/,
    );
    expect(readdirSync(path.join(out, 'articles'))).toHaveLength(2);
  });

  it('dedupe compare answers as the index does, in words and as JSON', async () => {
    const [orig, other] = loadEvalArticles().filter((a) => a.event === 'ufs-2026');
    const file = (name: string, a: EvalArticle): string => {
      const f = path.join(out, name);
      writeFileSync(f, [a.title, a.lead ?? '', ...a.paragraphs].join('\n\n'));
      return f;
    };
    const stripped = (x: string): string =>
      x
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd');
    const copy = {
      ...orig!,
      lead: `TTXVN - ${stripped(orig!.lead!)}`,
      paragraphs: orig!.paragraphs.slice(0, -1).map(stripped),
    };
    const [a, b, c] = [file('a.txt', orig!), file('b.txt', copy), file('c.txt', other!)];
    const same = await run(process.execPath, [BIN, 'dedupe', 'compare', a, b]);
    expect(same.stdout).toMatch(/^verdict: same story \((jaccard|containment)\)$/m);
    expect(same.stdout).toMatch(/^keys in common: \d+ of \d+ bands, \d+ of \d+ anchors/m);
    const apart = JSON.parse((await run(process.execPath, [BIN, 'dedupe', 'compare', a, c, '--json'])).stdout);
    expect(apart).toMatchObject({ same: false });
    expect(apart.jaccard).toBeLessThan(0.2);
    // A file that is not there: one line, exit 2, no stack trace.
    const missing = await run(process.execPath, [BIN, 'dedupe', 'compare', a, path.join(out, 'nope.txt')]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(missing).toMatchObject({ code: 2 });
    expect((missing as { stderr: string }).stderr.trim()).toMatch(/^tinwatch: cannot read .*nope\.txt: ENOENT$/);
  });

  it('dedupe compare reads "hôm nay" as the publication day it is given, as the index does', async () => {
    const file = (name: string, p: Piece): string => {
      const f = path.join(out, name);
      writeFileSync(f, [p.title, p.lead, ...p.body].join('\n\n'));
      return f;
    };
    const [a, b] = [file('first.txt', first), file('today.txt', todayCopy)];
    const compare = async (...extra: string[]) =>
      JSON.parse((await run(process.execPath, [BIN, 'dedupe', 'compare', a, b, '--json', ...extra])).stdout);
    expect(await compare('--published-b', '2026-03-12T08:30:00+07:00')).toMatchObject({ same: true });
    expect(await compare()).toMatchObject({ same: false, related: 'follow-up' });
  });

  it('a bad origin map fails at start-up naming the variable', async () => {
    await expect(
      run(process.execPath, [BIN, 'crawl', '--once'], {
        env: { ...process.env, REDIS_URL: inject('redisUrl'), TINWATCH_ORIGIN_MAP: '{not json' },
      }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('environment TINWATCH_ORIGIN_MAP: not valid JSON'),
    });
  });

  it('an unknown source id is refused with the known ones listed', async () => {
    await expect(
      run(process.execPath, [BIN, 'crawl', '--once', '--source', 'nope'], {
        env: { ...process.env, REDIS_URL: inject('redisUrl') },
      }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown source "nope" (known: baochinhphu, baoquocte'),
    });
  });

  it('alerts test explains a match phrase by phrase', async () => {
    const golden = path.resolve(
      import.meta.dirname,
      '../fixtures/military-com-vn/defence-secretary-visit.expected.txt',
    );
    const { stdout } = await run(process.execPath, [BIN, 'alerts', 'test', 'gsomia', '--text', golden]);
    expect(stdout).toMatch(/^rule gsomia: MATCH$/m);
    expect(stdout).toMatch(/"GSOMIA": body@\d+ "GSOMIA"/);
    expect(stdout).toMatch(/alert quotes \(body\): .*«GSOMIA»/);
    const miss = await run(process.execPath, [BIN, 'alerts', 'test', 'opcon', '--text', golden]);
    expect(miss.stdout).toMatch(/^rule opcon: no match$/m);
    expect(miss.stdout).toMatch(/"OPCON": not found/);
  });

  it('alerts send-test delivers through the configured webhook and reports a failure with exit 1', async () => {
    const rx = await startReceiver();
    try {
      const env = { ...process.env, TINWATCH_WEBHOOK_URL: `${rx.url}/in`, TINWATCH_WEBHOOK_SECRET: 'k' };
      const { stdout } = await run(process.execPath, [BIN, 'alerts', 'send-test', 'webhook'], { env });
      expect(stdout).toContain('sent a test alert through webhook (webhook)');
      expect(rx.received[0]!.headers['x-tinwatch-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      rx.script.push(404);
      await expect(run(process.execPath, [BIN, 'alerts', 'send-test', 'webhook'], { env })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('webhook (webhook) failed: HTTP 404'),
      });
    } finally {
      await rx.close();
    }
  });

  it.each(['start', 'worker', 'scheduler', 'crawl', 'extract', 'replay', 'demo', 'dashboard', 'failed', 'retry'])(
    '%s --help explains itself',
    async (cmd) => {
      const { stdout } = await run(process.execPath, [BIN, cmd, '--help']);
      expect(stdout).toMatch(new RegExp(`Usage: tinwatch ${cmd}`));
    },
  );
});
