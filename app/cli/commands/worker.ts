// `tinwatch worker`: crawl, article and alert workers only; start as many as the Redis serves.
import { type Command, Option } from 'commander';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run crawl and article workers only (start as many as you like, on any machine sharing the Redis)')
    .addOption(
      new Option('--queues <names...>', 'queues to work')
        .choices(['crawl', 'article', 'alert'])
        .default(['crawl', 'article', 'alert']),
    )
    .action(async (opts: { queues: string[] }) => {
      const { startAlertWorker } = await import('../../../workers/alert-worker.js');
      const { startArticleWorkers } = await import('../../../workers/article-threads.js');
      const { startCrawlWorker } = await import('../../../workers/crawl-worker.js');
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const { runUntilSignal } = await import('../run-until-signal.js');
      // Article workers write the folder's files, alert workers its alerts.jsonl; crawl-only workers
      // may run on a machine without it.
      const writes = opts.queues.includes('article') || opts.queues.includes('alert');
      const rt = await createRuntime({ outFolder: writes ? 'write' : 'none' });
      const workers = [
        ...(opts.queues.includes('crawl') ? [startCrawlWorker(rt)] : []),
        ...(opts.queues.includes('article')
          ? [await startArticleWorkers(rt, { besideCrawler: opts.queues.includes('crawl') })]
          : []),
        ...(opts.queues.includes('alert') ? [startAlertWorker(rt)] : []),
      ];
      rt.followWatchlist();
      rt.log.info({ queues: opts.queues }, 'workers started');
      await runUntilSignal(rt, async () => {
        await Promise.all(workers.map((w) => w.close()));
      });
    });
}
