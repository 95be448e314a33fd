// NNN numbers: unique under concurrency, stable for a story across retries, no gaps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignSequence, fileNameFor } from '../../src/write/sequence.js';
import { testRuntime } from '../helpers/test-runtime.js';

describe('assignSequence', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    rt = await testRuntime();
  });
  afterAll(async () => {
    await rt.cleanup();
  });

  it('gives 500 concurrent stories 0..499 exactly once, and a retried story its old number', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => i.toString(16).padStart(16, '0'));
    const conns = [rt.redis, rt.workerConnection(), rt.workerConnection()];
    const seqs = await Promise.all(ids.map((id, i) => assignSequence(conns[i % 3]!, rt.keys, id)));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    const again = await Promise.all(ids.map((id) => assignSequence(rt.redis, rt.keys, id)));
    expect(again).toEqual(seqs);
  });

  it('pads to at least three digits and grows past 999', () => {
    expect(fileNameFor(7, 'af8e3c8afcbec8d7')).toBe('007_af8e3c8afcbec8d7.txt');
    expect(fileNameFor(1234, 'af8e3c8afcbec8d7')).toBe('1234_af8e3c8afcbec8d7.txt');
  });
});

describe('manifest line once per story, even after a crash between append and flag', () => {
  it('a repeated job finds its line in the manifest and does not append it again', async () => {
    const { gzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { processArticle } = await import('../../pipeline/article/process-article.js');
    const { loadSources } = await import('../../config/load-sources.js');
    const { SITES } = await import('../helpers/fixtures.js');
    const rt = await testRuntime();
    try {
      const source = loadSources().find((s) => s.id === 'baotintuc')!;
      const url = 'https://baotintuc.vn/the-gioi/my-han-nhat-tri-tang-cuong-hop-tac-an-ninh-20190724143512678.htm';
      const html = readFileSync(
        path.join(SITES, 'baotintuc.vn/the-gioi/my-han-nhat-tri-tang-cuong-hop-tac-an-ninh-20190724143512678.htm'),
      );
      const data = {
        sourceId: 'baotintuc',
        url,
        canonicalUrl: url,
        storyId: 'aaaaaaaaaaaaaaaa',
        rawKey: rt.keys.raw('aaaaaaaaaaaaaaaa'),
        fetchedAt: new Date().toISOString(),
        feedPublishedAt: null,
      };
      const deps = { redis: rt.redis, keys: rt.keys, outDir: rt.outDir, log: rt.log, sourceById: () => source };
      await rt.redis.set(data.rawKey, gzipSync(html));
      expect((await processArticle(data, deps)).outcome).toBe('written');
      // Simulate the crash: the line is in the manifest, the flag (and the outcome beside it) never
      // made it to Redis.
      await rt.redis.srem(rt.keys.manifested, data.storyId);
      await rt.redis.del(rt.keys.articleOutcome(data.storyId));
      await rt.redis.set(data.rawKey, gzipSync(html));
      expect((await processArticle(data, { ...deps, maybeRepeated: true })).outcome).toBe('written');
      const lines = readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1);
      // A duplicate's line names its original inside duplicate_of: that is not the original's line.
      const { manifestTailHasStory, appendManifest } = await import('../../src/write/article-files.js');
      await appendManifest(rt.outDir, {
        type: 'duplicate',
        id: 'bbbbbbbbbbbbbbbb',
        url: 'u',
        duplicate_of: { id: 'cccccccccccccccc', url: 'v' },
      });
      expect(await manifestTailHasStory(rt.outDir, 'cccccccccccccccc')).toBe(false);
      expect(await manifestTailHasStory(rt.outDir, 'bbbbbbbbbbbbbbbb')).toBe(true);
      expect(await rt.redis.sismember(rt.keys.manifested, data.storyId)).toBe(1);
    } finally {
      await rt.cleanup();
    }
  });
});
