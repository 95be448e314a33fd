// Article workers in threads: they write what an in-process worker writes, and a thread that dies
// is started again while the jobs keep flowing. Real Redis, real worker threads.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { JobOutcomes } from '../../workers/run-once/job-outcomes.js';
import { addArticleJob } from '../../base/job-table.js';
import { storyIdFor } from '../../base/url/canonical-url.js';
import { startArticleThreads, type ArticleThreads } from '../../workers/article-threads.js';
import { testArticlePage, testSource } from '../helpers/test-source.js';
import { testRuntime } from '../helpers/test-runtime.js';
import { until } from '../helpers/until.js';

const HOST = 'threads.example';
const source = testSource(HOST);
// Four on-topic articles about four different events: none is a copy of another.
const onTopic = [
  ...new Map(
    loadEvalArticles()
      .filter((a) => a.onTopic)
      .map((a) => [a.event ?? a.id, a]),
  ).values(),
].slice(0, 4);
let rt: Awaited<ReturnType<typeof testRuntime>>;
let threads: ArticleThreads;
let outcomes: JobOutcomes;

beforeAll(async () => {
  rt = await testRuntime({ sources: [source] });
  outcomes = await JobOutcomes.open(rt.queues.article, { connection: rt.redis, reconcileMs: 1_000 });
  threads = await startArticleThreads(rt, 1, 2);
});
afterAll(async () => {
  await threads.close();
  await outcomes.close();
  await rt.cleanup();
});

/** Parks the page of eval article `n` and queues its article job, as a crawler would. */
async function queueArticle(n: number): Promise<string> {
  const url = `https://${HOST}/bai-viet-${String(1000000 + n)}.html`;
  const storyId = storyIdFor(url);
  const rawKey = rt.keys.raw(storyId);
  await rt.redis.set(rawKey, gzipSync(testArticlePage(onTopic[n]!)), 'EX', 3600);
  return addArticleJob(rt.queues.article, {
    sourceId: source.id,
    url,
    canonicalUrl: url,
    storyId,
    rawKey,
    fetchedAt: new Date().toISOString(),
    feedPublishedAt: '2026-08-20T08:00:00+07:00',
  });
}

async function expectWritten(ids: string[]): Promise<void> {
  await outcomes.waitFor(ids, Date.now() + 20_000, 20, (id, r) => {
    expect(r, id).toMatchObject({ state: 'completed', value: { outcome: 'written' } });
  });
}

describe('article worker threads', () => {
  it('work the article queue in a thread and write the files', async () => {
    await expectWritten([await queueArticle(0), await queueArticle(1)]);
    expect(readdirSync(path.join(rt.outDir, 'articles'))).toHaveLength(2);
  });

  it('start a thread again when one dies, and the queue keeps moving', async () => {
    const [first] = threads.threads();
    expect(first).toBeDefined();
    await first!.terminate();
    await until('a thread started again', async () => threads.threads().length === 1 && threads.threads()[0] !== first);
    await expectWritten([await queueArticle(2), await queueArticle(3)]);
    expect(readdirSync(path.join(rt.outDir, 'articles'))).toHaveLength(4);
  });
});
