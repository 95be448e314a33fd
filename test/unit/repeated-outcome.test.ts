// A worker killed after an article job's last write but before BullMQ marked the job completed:
// the job runs again. It must report what the first attempt did (so `crawl --once` counts the
// story as written, or off-topic), not "already written" counted as a duplicate, and not "raw
// page gone" counted as a failure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../config/load-sources.js';
import type { ArticleDeps } from '../../pipeline/article/article-deps.js';
import { processArticle } from '../../pipeline/article/process-article.js';
import { SITES } from '../helpers/fixtures.js';
import { testRuntime } from '../helpers/test-runtime.js';

const PAGES = {
  onTopic: 'baotintuc.vn/the-gioi/my-han-nhat-tri-tang-cuong-hop-tac-an-ninh-20190724143512678.htm',
  offTopic:
    'baotintuc.vn/the-gioi/han-quoc-va-nhat-ban-noi-lai-chuyen-bay-thang-giua-cac-dia-phuong-20260821101500789.htm',
};

describe('a repeated article job', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let deps: ArticleDeps;
  beforeAll(async () => {
    rt = await testRuntime();
    const source = loadSources().find((s) => s.id === 'baotintuc')!;
    deps = { redis: rt.redis, keys: rt.keys, outDir: rt.outDir, log: rt.log, sourceById: () => source };
  });
  afterAll(async () => rt.cleanup());

  const job = async (page: string, storyId: string) => {
    const data = {
      sourceId: 'baotintuc',
      url: `https://${page}`,
      canonicalUrl: `https://${page}`,
      storyId,
      rawKey: rt.keys.raw(storyId),
      fetchedAt: new Date().toISOString(),
      feedPublishedAt: null,
    };
    await rt.redis.set(data.rawKey, gzipSync(readFileSync(path.join(SITES, page))));
    return data;
  };

  it('reports the first attempt’s outcome: written, with the same file and sequence number', async () => {
    const data = await job(PAGES.onTopic, 'a1a1a1a1a1a1a1a1');
    const first = await processArticle(data, deps);
    expect(first.outcome).toBe('written');
    // The raw page went with the last write; the repeat still answers.
    expect(await rt.redis.exists(data.rawKey)).toBe(0);
    expect(await processArticle(data, { ...deps, maybeRepeated: true })).toEqual(first);
    // A later crawl's job for the same story (fetched again) did not write it: it says so.
    const later = { ...data, fetchedAt: new Date(Date.parse(data.fetchedAt) + 1000).toISOString() };
    await rt.redis.set(data.rawKey, gzipSync(readFileSync(path.join(SITES, PAGES.onTopic))));
    expect((await processArticle(later, deps)).outcome).toBe('already-written');
  });

  it('reports off-topic again, not "raw page gone"', async () => {
    const data = await job(PAGES.offTopic, 'b2b2b2b2b2b2b2b2');
    const first = await processArticle(data, deps);
    expect(first.outcome).toBe('off-topic');
    expect(await processArticle(data, { ...deps, maybeRepeated: true })).toEqual(first);
  });
});
