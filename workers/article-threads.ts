// Article workers on other cores. Extraction, dedupe and writing are CPU work in JavaScript; in
// the crawling process they compete with crawlee for one event loop, and a second core sits idle.
// Each thread runs a full article worker (its own runtime and Redis connections) and is
// supervised: one that dies is logged and started again; the jobs it held are picked up by
// BullMQ's stalled-job check like those of any crashed worker.
import { availableParallelism } from 'node:os';
import { Worker as Thread } from 'node:worker_threads';
import type { Runtime } from '../pipeline/runtime/runtime.js';
import type { ArticleThreadCommand, ArticleThreadData, ArticleThreadMessage } from './article-thread.js';
import { startArticleWorker } from './article-worker.js';
import type { StageTimings } from '../src/stats/stage-timings.js';

// Run as TypeScript (tests, development), a thread needs the entry that registers tsx first;
// compiled, it starts the thread module itself.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./article-thread-entry.js', import.meta.url)
  : new URL('./article-thread.js', import.meta.url);
const RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 60_000;

/** The default thread count: every core but the one the crawling event loop needs, 4 at most. */
export function defaultArticleThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** The parent's node flags minus its TypeScript loader: the thread entry registers its own. */
function threadExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '--import' || a === '--require' || a === '--loader') && /tsx/.test(args[i + 1] ?? '')) i++;
    else if (!/^--(import|require|loader)=.*tsx/.test(a)) out.push(a);
  }
  return out;
}

export interface ArticleThreads {
  close(): Promise<void>;
  /** The threads running now (diagnostics, tests). */
  threads(): readonly Thread[];
}

/** One thread; resolves once its worker is listening, rejects if it cannot start. */
function spawnThread(data: ArticleThreadData): Promise<Thread> {
  return new Promise((resolve, reject) => {
    let thread: Thread;
    try {
      thread = new Thread(ENTRY, { workerData: data, execArgv: threadExecArgv() });
    } catch (err) {
      // Process-wide flags (--max-old-space-size, …) are refused in a thread: start it without the
      // parent's flags then (they only ever add diagnostics such as --cpu-prof).
      if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
      thread = new Thread(ENTRY, { workerData: data, execArgv: [] });
    }
    const onStartError = (err: Error): void =>
      reject(new Error(`article worker thread failed to start: ${err.message}`));
    const onEarlyExit = (code: number): void =>
      reject(new Error(`article worker thread exited with ${code} while starting`));
    thread.once('error', onStartError);
    thread.once('exit', onEarlyExit);
    thread.once('message', (msg: ArticleThreadMessage) => {
      if (msg.type !== 'ready') return;
      thread.off('error', onStartError);
      thread.off('exit', onEarlyExit);
      resolve(thread);
    });
  });
}

/** Starts `count` article worker threads with `concurrency` jobs each. */
export async function startArticleThreads(
  rt: Runtime,
  count: number,
  concurrency: number = rt.env.TINWATCH_ARTICLE_CONCURRENCY,
  /** Where the threads' stage timings are added when they close (the pipeline benchmark). */
  timings?: StageTimings,
): Promise<ArticleThreads> {
  // Built per thread start: a thread started again takes the watchlist in force now.
  const data = (): ArticleThreadData => ({
    runtime: rt.threadOptions(),
    concurrency,
    timings: timings !== undefined,
  });
  let closing = false;
  const live = new Set<Thread>();
  rt.onWatchlistChange((watchlist) => {
    for (const t of live) t.postMessage({ type: 'watchlist', watchlist } satisfies ArticleThreadCommand);
  });
  // A thread that cannot start (Redis down, out of memory at start-up) is tried again, waiting
  // twice as long each time up to a minute: the process must not crawl on with no article worker.
  const restart = (n: number, delayMs: number): void => {
    setTimeout(() => {
      if (closing) return;
      const next = Math.min(delayMs * 2, MAX_RESTART_DELAY_MS);
      spawnThread(data()).then(
        // Started while the pool was closing: close() has already gathered the live threads.
        (t) => (closing ? void t.terminate() : supervise(t, n)),
        (err: Error) => {
          rt.log.error({ thread: n, err: err.message, retryInMs: next }, 'article worker thread did not start');
          restart(n, next);
        },
      );
    }, delayMs).unref();
  };
  const supervise = (thread: Thread, n: number): void => {
    live.add(thread);
    thread.on('error', (err) => rt.log.error({ thread: n, err: err.message }, 'article worker thread crashed'));
    thread.once('exit', (code) => {
      live.delete(thread);
      if (closing) return;
      rt.log.error({ thread: n, code }, 'article worker thread stopped: starting it again');
      restart(n, RESTART_DELAY_MS);
    });
  };
  const threads = await Promise.all(Array.from({ length: count }, () => spawnThread(data())));
  threads.forEach((t, n) => supervise(t, n));
  return {
    threads: () => [...live],
    close: async () => {
      closing = true;
      await Promise.all(
        [...live].map(
          (thread) =>
            new Promise<void>((resolve) => {
              thread.on('message', (msg: ArticleThreadMessage) => {
                if (msg.type !== 'closed') return;
                for (const [stage, t] of msg.timings) timings?.add(stage, t.ms, t.n);
              });
              thread.once('exit', () => resolve());
              thread.postMessage({ type: 'close' } satisfies ArticleThreadCommand);
            }),
        ),
      );
    },
  };
}

/**
 * This process's article workers. Beside a crawler: TINWATCH_ARTICLE_THREADS threads (0 = on the
 * main event loop, as on a one-core machine). A process that only works article jobs has its main
 * event loop free, so it works them there (scale such workers by processes).
 */
export async function startArticleWorkers(
  rt: Runtime,
  opts: { besideCrawler: boolean; timings?: StageTimings },
): Promise<ArticleThreads> {
  const threads = opts.besideCrawler ? (rt.env.TINWATCH_ARTICLE_THREADS ?? defaultArticleThreads()) : 0;
  if (threads > 0) return startArticleThreads(rt, threads, undefined, opts.timings);
  const worker = startArticleWorker(rt, undefined, opts.timings);
  return { close: () => worker.close(), threads: () => [] };
}
