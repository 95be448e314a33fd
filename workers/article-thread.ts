// Inside an article worker thread: its own runtime (Redis connections, sources, rules) built from
// the parent's plain options, and an article worker on it. The parent says 'close' to stop it;
// the thread answers with its stage timings (benchmark) once everything is closed.
import { parentPort, workerData } from 'node:worker_threads';
import { createRuntime, type ThreadRuntimeOptions } from '../pipeline/runtime/runtime.js';
import { createLogger } from '../base/logger.js';
import type { Watchlist } from '../config/watchlist-schema.js';
import { StageClock } from '../src/stats/stage-timings.js';
import { startArticleWorker } from './article-worker.js';

export interface ArticleThreadData {
  runtime: ThreadRuntimeOptions;
  concurrency: number;
  /** Collect per-stage timings and send them back on close. */
  timings: boolean;
}

/** What the parent tells a thread: stop, or work with this (reloaded) watchlist from now on. */
export type ArticleThreadCommand = { type: 'close' } | { type: 'watchlist'; watchlist: Watchlist };

export type ArticleThreadMessage =
  { type: 'ready' } | { type: 'closed'; timings: [string, { ms: number; n: number }][] };

const data = workerData as ArticleThreadData;
const rt = await createRuntime({
  env: data.runtime.env,
  log: createLogger(data.runtime.logLevel, data.runtime.logFormat).child({ thread: 'article' }),
  sources: data.runtime.sources,
  originMap: data.runtime.originMap,
  watchlist: data.runtime.watchlist,
  quietRedisOutages: true,
  redisResolved: true,
  inThread: true,
});
const clock = data.timings ? new StageClock() : undefined;
const worker = startArticleWorker(rt, data.concurrency, clock);
await worker.waitUntilReady();
const port = parentPort!;
port.on('message', async (msg: ArticleThreadCommand) => {
  if (msg.type === 'watchlist') return rt.alerts.replace(msg.watchlist);
  await worker.close();
  await rt.close();
  port.postMessage({ type: 'closed', timings: [...(clock?.totals ?? [])] } satisfies ArticleThreadMessage);
  port.close();
});
port.postMessage({ type: 'ready' } satisfies ArticleThreadMessage);
