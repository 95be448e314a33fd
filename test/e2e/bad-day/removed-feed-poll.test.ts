// Bad day: a rolling deploy removes a feed (issue 32, finding 10). The process on the new
// configuration removed the feed's poll chain, and a worker still on the old configuration put it
// back on its next tick. Now the removal leaves a mark dated by the remover's configuration (Redis
// TIME): an older configuration neither re-creates the chain nor goes on running it; a newer one
// that lists the feed again polls it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePollJobs, removeStalePollJobs, wantedPollJobs } from '../../../workers/poll-jobs.js';
import { handleCrawlJob } from '../../../workers/crawl-worker.js';
import { testPrefix, testRuntime } from '../../helpers/test-runtime.js';
import { testSource } from '../../helpers/test-source.js';

const HOST = 'deploy.example.vn';
const KEPT = `https://${HOST}/rss.xml`;
const REMOVED = `https://${HOST}/removed.xml`;
const withFeeds = (feeds: string[]) => testSource(HOST, { discovery: { feeds } });

describe('bad day: a feed removed during a rolling deploy', () => {
  const prefix = testPrefix();
  let oldRt: Awaited<ReturnType<typeof testRuntime>>;
  let newRt: Awaited<ReturnType<typeof testRuntime>>;
  const removedId = [...wantedPollJobs([withFeeds([REMOVED])]).keys()][0]!;
  const chain = async () => (await oldRt.queues.crawl.getJob(removedId)) ?? null;

  beforeAll(async () => {
    // The old worker started first, on the configuration that still lists the feed.
    oldRt = await testRuntime({ prefix, sources: [withFeeds([KEPT, REMOVED])] });
    expect((await ensurePollJobs(oldRt)).added).toBe(2);
    await new Promise((r) => setTimeout(r, 20));
    newRt = await testRuntime({ prefix, sources: [withFeeds([KEPT])] });
  });
  afterAll(async () => {
    await newRt?.cleanup();
    await oldRt?.close();
  });

  it('the old configuration does not put back the chain the new one removed', async () => {
    await ensurePollJobs(newRt);
    expect(await removeStalePollJobs(newRt)).toBe(1);
    expect(await chain()).toBeNull();
    const placed = await ensurePollJobs(oldRt); // the old worker's next tick
    expect(placed.added).toBe(0);
    expect(await chain()).toBeNull();
  });

  it('a chain the old worker is running ends instead of polling again', async () => {
    const job = await oldRt.queues.crawl.add(
      'poll',
      { sourceId: HOST.split('.')[0], feed: REMOVED },
      { jobId: removedId },
    );
    expect(await handleCrawlJob(oldRt, job)).toEqual({ ended: 'the feed was removed by a newer configuration' });
    await job.remove();
  });

  it('a configuration newer still that lists the feed again polls it', async () => {
    await new Promise((r) => setTimeout(r, 20));
    const newer = await testRuntime({ prefix, sources: [withFeeds([KEPT, REMOVED])] });
    try {
      expect((await ensurePollJobs(newer)).added).toBe(1);
      expect(await chain()).not.toBeNull();
    } finally {
      await newer.close();
    }
  });
});
