// An article job fed straight to the pipeline, as the crawl would have parked it: the page under
// its raw key in Redis, then processArticle with the runtime's alerts. The outlet is made up
// (outlet<N>.vn, source outlet-<N>), so several outlets can carry one story.
import { gzipSync } from 'node:zlib';
import type { ArticleJobData } from '../../base/queues.js';
import { storyIdFor } from '../../base/url/canonical-url.js';
import { processArticle } from '../../pipeline/article/process-article.js';
import type { testRuntime } from './test-runtime.js';

type Rt = Awaited<ReturnType<typeof testRuntime>>;

export async function feedOutletArticle(rt: Rt, outlet: number, slug: string, html: string) {
  const url = `https://outlet${outlet}.vn/the-gioi/${slug}-20190927093045123.htm`;
  const storyId = storyIdFor(url);
  const rawKey = rt.keys.raw(storyId);
  await rt.redis.set(rawKey, gzipSync(html));
  const data: ArticleJobData = {
    sourceId: `outlet-${outlet}`,
    url,
    canonicalUrl: url,
    storyId,
    rawKey,
    fetchedAt: new Date().toISOString(),
    feedPublishedAt: null,
  };
  return processArticle(data, {
    redis: rt.redis,
    keys: rt.keys,
    outDir: rt.outDir,
    log: rt.log,
    sourceById: rt.sourceById,
    alerts: { matcher: rt.alerts.matcher, alertQueue: rt.queues.alert },
  });
}
