// Causal order in the manifest: when a copy is claimed while its original is still being written
// (its WARC capture held open here), the copy's line waits and lands after the original's, with
// the original's written_at to the millisecond. A copy whose original never lands fails its
// attempt with the reason and writes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDeps } from '../../pipeline/article/article-deps.js';
import { processArticle } from '../../pipeline/article/process-article.js';
import { packExchange } from '../../src/archive/http-exchange.js';
import type { Capture, CapturePointer } from '../../src/archive/warc-writer.js';
import type { ArticleJobData } from '../../base/queues.js';
import { canonicalUrl as canonicalize, storyIdFor } from '../../base/url/canonical-url.js';
import { SITES } from '../helpers/fixtures.js';
import { manifestLineProblems } from '../helpers/manifest-validator.js';
import { testRuntime } from '../helpers/test-runtime.js';

const ORIGINAL_URL = 'https://vnexpress.net/han-quoc-my-hop-nhom-tham-van-hat-nhan-lan-thu-nam-5112299.html';
const original = readFileSync(
  path.join(SITES, 'vnexpress.net', 'han-quoc-my-hop-nhom-tham-van-hat-nhan-lan-thu-nam-5112299.html'),
  'utf8',
);

/** A sink that holds every capture until released: the original is mid-write while it waits. */
function heldSink() {
  let reached!: () => void;
  let release!: () => void;
  const reachedP = new Promise<void>((r) => (reached = r));
  const released = new Promise<void>((r) => (release = r));
  return {
    reached: reachedP,
    release,
    async append(c: Capture): Promise<CapturePointer> {
      reached();
      await released;
      return {
        file: 'warc/held.warc.gz',
        offset: 0,
        length: 10,
        record_id: `<urn:uuid:${c.storyId.padEnd(36, '0').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5')}>`,
      };
    },
  };
}

describe('manifest causal order', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;

  const jobData = async (url: string, html: string, capture: boolean): Promise<ArticleJobData> => {
    const canonicalUrl = canonicalize(url);
    const storyId = storyIdFor(canonicalUrl);
    const rawKey = rt.keys.raw(storyId);
    await rt.redis.set(rawKey, gzipSync(html));
    const data: ArticleJobData = {
      sourceId: 'vnexpress',
      url,
      canonicalUrl,
      storyId,
      rawKey,
      fetchedAt: new Date().toISOString(),
      feedPublishedAt: null,
    };
    if (!capture) return data;
    const exchange = {
      request: { method: 'GET', url, headers: [] as [string, string][] },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: '1.1',
        headers: [['Content-Type', 'text/html']] as [string, string][],
      },
      removedContentEncoding: null,
    };
    await rt.redis.set(rt.keys.capture(storyId), gzipSync(packExchange(exchange, null)));
    return { ...data, captureKey: rt.keys.capture(storyId) };
  };
  const manifest = () => readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8').trim().split('\n');

  beforeAll(async () => {
    rt = await testRuntime();
  });
  afterAll(async () => rt.cleanup());

  it("writes the original's line first and copies its written_at exactly", async () => {
    const sink = heldSink();
    const deps: ArticleDeps = {
      redis: rt.redis,
      keys: rt.keys,
      outDir: rt.outDir,
      log: rt.log,
      sourceById: rt.sourceById,
      warc: sink,
    };
    const first = processArticle(await jobData(ORIGINAL_URL, original, true), deps);
    await sink.reached; // the original owns the story and is writing it
    const copy = processArticle(await jobData('https://vnexpress.net/ban-sao-5112301.html', original, false), deps);
    // Without the wait the copy's line lands at once; with it the copy is still waiting here.
    const settled = await Promise.race([
      copy.then(() => 'copy done'),
      new Promise((r) => setTimeout(r, 1500, 'waiting')),
    ]);
    expect(settled).toBe('waiting');
    sink.release();
    expect(await first).toMatchObject({ outcome: 'written' });
    expect(await copy).toMatchObject({ outcome: 'duplicate' });
    const lines = manifest();
    const [a, d] = lines.map(
      (l) => JSON.parse(l) as { type: string; written_at: string; duplicate_of: { written_at: string } },
    );
    expect(a!.type).toBe('article');
    expect(d!.type).toBe('duplicate');
    expect(d!.duplicate_of.written_at).toBe(a!.written_at);
    expect(a!.written_at).toMatch(/\.\d{3}Z$/);
    expect(manifestLineProblems(lines)).toEqual([]);
  });

  it('a copy whose original never lands fails its attempt, says why, and writes nothing', async () => {
    const html = readFileSync(path.join(SITES, 'vnexpress.net', 'tau-san-bay-my-cap-cang-busan-5113010.html'), 'utf8');
    const sink = heldSink(); // never released: the original stays mid-write
    const deps: ArticleDeps = {
      redis: rt.redis,
      keys: rt.keys,
      outDir: rt.outDir,
      log: rt.log,
      sourceById: rt.sourceById,
      warc: sink,
    };
    const before = manifest().length;
    void processArticle(
      await jobData('https://vnexpress.net/tau-san-bay-my-cap-cang-busan-5113010.html', html, true),
      deps,
    ).catch(() => {});
    await sink.reached;
    const copy = processArticle(await jobData('https://vnexpress.net/ban-sao-5112303.html', html, false), {
      ...deps,
      awaitOriginal: { timeoutMs: 300 },
    } as ArticleDeps);
    await expect(copy).rejects.toThrow(/has no manifest line after .* waits for its original/);
    expect(manifest()).toHaveLength(before);
  });
});
