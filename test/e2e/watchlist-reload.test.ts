// Hot reload of the watchlist file: an edit reaches the article worker threads without a restart,
// and a bad edit is refused with its file:line while the last good rules stay in force. Real
// Redis, a real worker thread, a real file edited on disk.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { JobOutcomes } from '../../workers/run-once/job-outcomes.js';
import { addArticleJob } from '../../base/queues.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { createRuntime, type Runtime } from '../../pipeline/runtime/runtime.js';
import { storyIdFor } from '../../base/url/canonical-url.js';
import { startArticleThreads, type ArticleThreads } from '../../workers/article-threads.js';
import { testArticlePage, testSource } from '../helpers/test-source.js';
import { tempDir, testPrefix } from '../helpers/test-runtime.js';

const HOST = 'reload.example';
const source = testSource(HOST);
const articles = [
  ...new Map(
    loadEvalArticles()
      .filter((a) => a.onTopic)
      .map((a) => [a.event ?? a.id, a]),
  ).values(),
].slice(0, 2);
const watchlistText = (rule: string, query: string): string =>
  `channels:\n  log: { type: log }\nrules:\n  - name: ${rule}\n    query: '${query}'\n    channels: [log]\n`;

const dir = tempDir('tw-reload');
const file = path.join(dir, 'watchlist.yaml');
const prefix = testPrefix();
const logLines: { msg: string; err?: string; added?: string[] }[] = [];
let rt: Runtime;
let threads: ArticleThreads;
let outcomes: JobOutcomes;

beforeAll(async () => {
  writeFileSync(file, watchlistText('nothing-yet', 'zzqxv'));
  rt = await createRuntime({
    env: {
      REDIS_URL: inject('redisUrl'),
      TINWATCH_PREFIX: prefix,
      TINWATCH_OUT: tempDir('tw-out'),
      TINWATCH_WATCHLIST: file,
    },
    log: pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) }),
    sources: [source],
  });
  outcomes = await JobOutcomes.open(rt.queues.article, { connection: rt.redis, reconcileMs: 1_000 });
  threads = await startArticleThreads(rt, 1, 2);
  rt.followWatchlist();
});
afterAll(async () => {
  await threads.close();
  await outcomes.close();
  await clearPrefix(rt.redis, prefix);
  await rt.close();
});

async function writeArticle(n: number): Promise<string[]> {
  const url = `https://${HOST}/bai-viet-${String(2000000 + n)}.html`;
  const storyId = storyIdFor(url);
  await rt.redis.set(rt.keys.raw(storyId), gzipSync(testArticlePage(articles[n]!)), 'EX', 3600);
  const id = await addArticleJob(rt.queues.article, {
    sourceId: source.id,
    url,
    canonicalUrl: url,
    storyId,
    rawKey: rt.keys.raw(storyId),
    fetchedAt: new Date().toISOString(),
    feedPublishedAt: '2026-08-20T08:00:00+07:00',
  });
  await outcomes.waitFor([id], Date.now() + 20_000, 20, (_, r) => expect(r).toMatchObject({ state: 'completed' }));
  const lines = readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8').trim().split('\n');
  const entry = lines.map((l) => JSON.parse(l) as { url: string; matched_rules: string[] }).find((e) => e.url === url);
  return entry!.matched_rules;
}

async function waitForLog(msg: string, from: number): Promise<(typeof logLines)[number]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const hit = logLines.slice(from).find((l) => l.msg === msg);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no "${msg}" log line`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('watchlist hot reload', () => {
  it('applies an edit in the article threads without a restart', async () => {
    expect(await writeArticle(0)).toEqual([]);
    const seen = logLines.length;
    writeFileSync(file, watchlistText('korea', '"Hàn Quốc" OR Seoul OR Mỹ'));
    expect(await waitForLog('watchlist reloaded', seen)).toMatchObject({ added: ['korea'] });
    expect(rt.alerts.watchlist.rules.map((r) => r.name)).toEqual(['korea']);
    expect(await writeArticle(1)).toEqual(['korea']);
  });

  it('refuses a bad edit with its line, and keeps the last good rules', async () => {
    const seen = logLines.length;
    writeFileSync(file, `${watchlistText('broken', '"unclosed')}`);
    const refused = await waitForLog('watchlist edit refused: the last good rules stay in force', seen);
    expect(refused.err).toMatch(/watchlist\.yaml:5:12: rule "broken" query: unclosed quote/);
    expect(rt.alerts.watchlist.rules.map((r) => r.name)).toEqual(['korea']);
  });
});
