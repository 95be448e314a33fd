// A page is captured once per fetch, whatever crash strikes the article job: between the WARC
// write and the pointer's save (the retry finds the capture whole on disk and adopts it), between
// the placement and the write (nothing on disk: the retry captures it), or after the pointer's
// save (the retry reuses it). Each case: the manifest would point at exactly one response record,
// and it is the only one the WARC files hold for the story. Real Redis, real files; the crash is
// an exception thrown where a kill would strike (the Redis and disk state are the same).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { captureStory, type WarcSink } from '../../src/archive/capture-story.js';
import { packExchange } from '../../src/archive/http-exchange.js';
import { WarcWriter } from '../../src/archive/warc-writer.js';
import type { ArticleJobData } from '../../base/queues.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { createKeys } from '../../base/redis/keys.js';
import { readWithNodeWarc } from '../helpers/warc-read.js';
import { tempDir, testPrefix } from '../helpers/test-runtime.js';

const redis = new Redis(inject('redisUrl'));
const keys = createKeys(testPrefix());
const log = pino({ level: 'silent' });
const page = Buffer.from('<html><body><p>Bài báo viết tay cho phép thử.</p></body></html>', 'utf8');
const settings = { maxBytes: 1 << 30, idleCloseMs: 3_600_000 };

afterAll(async () => {
  await clearPrefix(redis, keys.prefix);
  await redis.quit();
});

async function parked(storyId: string): Promise<ArticleJobData> {
  const exchange = {
    request: { method: 'GET', url: 'https://bao.example.vn/a.html', headers: [['User-Agent', 'tinwatch']] },
    response: { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [['Content-Type', 'text/html']] },
    removedContentEncoding: null,
  } satisfies Parameters<typeof packExchange>[0];
  await redis.set(keys.capture(storyId), gzipSync(packExchange(exchange, null)));
  return {
    sourceId: 'test',
    url: 'https://bao.example.vn/a.html',
    canonicalUrl: 'https://bao.example.vn/a.html',
    storyId,
    rawKey: keys.raw(storyId),
    captureKey: keys.capture(storyId),
    fetchedAt: new Date().toISOString(),
    feedPublishedAt: null,
  };
}

/** A writer that "dies" at a point of the append: after placing, or after writing. */
function dying(writer: WarcWriter, at: 'placed' | 'written'): WarcSink {
  return {
    append: async (c, placed) => {
      await writer.append(c, async (p) => {
        await placed?.(p);
        if (at === 'placed') throw new Error('killed before the write');
      });
      throw new Error('killed after the write');
    },
  };
}

async function responsesOf(out: string, storyId: string): Promise<string[]> {
  const dir = path.join(out, 'warc');
  const ids: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.warc.gz')))
    for (const r of await readWithNodeWarc(path.join(dir, f)))
      if (r.warcHeader['WARC-Type'] === 'response' && r.warcHeader['WARC-Tinwatch-Story-ID'] === storyId)
        ids.push(r.warcHeader['WARC-Record-ID']!);
  return ids;
}

describe('one WARC capture per fetch through crashes', () => {
  const written = { text: 'Bài báo', file: 'articles/001_00000000000000a1.txt' };

  it.each(['written', 'placed'] as const)('a crash %s: the retry leaves one capture and points at it', async (at) => {
    const out = tempDir('tw-capture-once');
    const storyId = at === 'written' ? '00000000000000a1' : '00000000000000a2';
    const data = await parked(storyId);
    const first = new WarcWriter(out, settings);
    const deps = { redis, keys, log, outDir: out };
    await expect(captureStory({ ...deps, warc: dying(first, at) }, data, page, written)).rejects.toThrow(/killed/);
    // The retry runs in another writer (the crashed process's file stays as it was left); a
    // second later, as another process's would (its file name differs by pid, here by time).
    const second = new WarcWriter(out, settings, () => Date.now() + 1_000);
    const pointer = (await captureStory({ ...deps, warc: second }, data, page, written))!.pointer;
    const again = await captureStory({ ...deps, warc: second }, data, page, written);
    await Promise.all([first.close(), second.close()]);
    expect(again?.pointer).toEqual(pointer);
    const ids = await responsesOf(out, storyId);
    expect(ids).toEqual([pointer.record_id]);
    // A crash after the write keeps the first writer's capture; one before it leaves that file without it.
    expect(readdirSync(path.join(out, 'warc')).filter((f) => f.endsWith('.warc.gz'))).toHaveLength(
      at === 'written' ? 1 : 2,
    );
  });
});
