// `tinwatch start` for a person at a terminal: a banner with the dashboard, Redis, output folder,
// what was loaded and each source's first and next crawl; pretty log lines, not JSON; and the
// first crawl at once — so with the outlets unreachable, the reason shows in seconds, not at the
// next cron tick.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import { freePort } from '../../base/redis/embedded-redis.js';
import { tempDir, testPrefix } from '../helpers/test-runtime.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

/** Every origin a bundled source may fetch, mapped to a closed loopback port: nothing leaves. */
function everyOriginTo(port: number): Record<string, string> {
  const origins = new Set<string>();
  for (const s of loadSources()) {
    for (const h of s.hosts) origins.add(`https://${h}`).add(`https://www.${h}`);
    const d = s.discovery;
    for (const u of [
      ...d.feeds,
      ...d.sitemaps.map((x) => x.url),
      ...d.listings.map((x) => x.url),
      ...d.search.map((x) => x.urlTemplate.replace('{q}', 'q')),
      ...(d.primeUrl ? [d.primeUrl] : []),
    ])
      origins.add(new URL(u).origin);
  }
  return Object.fromEntries([...origins].map((o) => [o, `http://127.0.0.1:${port}/${new URL(o).host}`]));
}

/** Runs `tinwatch start` until `done(stderr)` holds (or 90 s pass), then stops it with SIGINT. */
async function startUntil(
  env: Record<string, string>,
  done: (stderr: string) => boolean,
  extra: string[] = [],
): Promise<string> {
  const child = spawn(process.execPath, [BIN, '--out', tempDir('tw-start'), 'start', '--no-dashboard', ...extra], {
    env: { ...process.env, REDIS_URL: inject('redisUrl'), TINWATCH_PREFIX: testPrefix(), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  await new Promise<void>((resolve) => {
    const stop = setTimeout(() => resolve(), 90_000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (done(stderr)) {
        clearTimeout(stop);
        resolve();
      }
    });
    child.once('exit', () => resolve());
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
  return stderr;
}

describe('tinwatch start at a terminal', () => {
  it('shows the banner, pretty lines, and every source failing in one line with its cause', async () => {
    const closed = await freePort();
    const stderr = await startUntil(
      {
        LOG_FORMAT: 'pretty',
        TINWATCH_ORIGIN_MAP: JSON.stringify(everyOriginTo(closed)),
      },
      (s) => /20 of 20 sources: connection refused/.test(s),
    );
    const plain = stripVTControlCharacters(stderr);
    expect(plain).toContain('tinwatch is running — Ctrl-C stops it');
    expect(plain).toMatch(/dashboard +off \(--no-dashboard\)/);
    expect(plain).toMatch(/sources +20; rules \d+ \(channels: /);
    // The sources no feed poll reads (Military.com.vn, Znews) are crawled first: they fail at once too.
    expect(plain).toMatch(/military-com-vn +first in 0 s, next \d\d:\d\d:\d\d \(\+07:00\) \(0 \* \* \* \*\)/);
    expect(plain).toMatch(/znews +first in 2 s, next/);
    expect(plain).toMatch(/baochinhphu +first in 4 s, next \d\d:\d\d:\d\d \(\+07:00\) \(\*\/30 \* \* \* \*\)/);
    expect(plain).toMatch(/vnexpress +first in \d+ s, next \d\d:\d\d:\d\d \(\+07:00\) \(\*\/15 \* \* \* \*\)/);
    // Every poll and crawl failed for one cause: one line says so, with an example of the error,
    // instead of a line per feed, fetch and retry.
    expect(plain).toMatch(/WARN.*20 of 20 sources: connection refused/);
    expect(plain).toMatch(/"example":".*robots\.txt unreachable \(.*ECONNREFUSED/);
    expect(plain.split('\n').filter((l) => /\b(WARN|ERROR)\b/.test(l))).toHaveLength(1);
    expect(plain).not.toMatch(/^\{"level"/m); // no JSON lines
  }, 120_000);

  it('logs JSON, without the banner, when told to (or when stderr is not a terminal)', async () => {
    // No first crawl here: nothing in this test may reach for a real outlet.
    const stderr = await startUntil({ LOG_FORMAT: 'json' }, (s) => s.includes('"msg":"tinwatch started"'), [
      '--no-first-crawl',
    ]);
    const started = stderr.split('\n').find((l) => l.includes('"msg":"tinwatch started"'))!;
    expect(JSON.parse(started)).toMatchObject({ sources: 20, dashboard: null });
    expect(stderr).not.toContain('tinwatch is running');
  }, 120_000);

  it('rereads the watchlist on save while running, and refuses a bad edit with its line', async () => {
    const file = path.join(tempDir('tw-wl'), 'watchlist.yaml');
    const rules = (extra: string) =>
      `channels: { log: { type: log } }\nrules:\n  - { name: kidd, query: KIDD, channels: [log] }\n${extra}`;
    writeFileSync(file, rules(''));
    let step = 0;
    const stderr = await startUntil(
      { LOG_FORMAT: 'json', TINWATCH_WATCHLIST: file },
      (s) => {
        // Each edit waits for the line the one before it caused.
        if (step === 0 && s.includes('"msg":"tinwatch started"')) {
          step = 1;
          writeFileSync(file, rules('  - { name: gsomia, query: GSOMIA, channels: [log] }\n'));
        } else if (step === 1 && s.includes('"msg":"watchlist reloaded"')) {
          step = 2;
          writeFileSync(file, rules("  - { name: broken, query: '\"unclosed', channels: [log] }\n"));
        }
        return step === 2 && s.includes('watchlist edit refused');
      },
      ['--no-first-crawl'],
    );
    const lines = stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; added?: string[]; err?: string });
    expect(lines.find((l) => l.msg === 'watchlist reloaded')).toMatchObject({ added: ['gsomia'] });
    expect(lines.find((l) => l.msg.startsWith('watchlist edit refused'))?.err).toMatch(
      /watchlist\.yaml:4:28: rule "broken" query: unclosed quote at 0/,
    );
  }, 120_000);
});
