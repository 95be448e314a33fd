// `tinwatch start`: scheduler, workers and dashboard in one process until a signal.
import type { Command } from 'commander';
import { portNumber } from '../option-parsers.js';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the scheduler, the workers and the dashboard in one process until SIGINT/SIGTERM')
    .option('--no-dashboard', 'do not serve the dashboard')
    .option(
      '--dashboard-host <host>',
      'dashboard address (beyond loopback needs TINWATCH_DASHBOARD_TOKEN)',
      '127.0.0.1',
    )
    .option('--dashboard-port <n>', 'dashboard port', portNumber('--dashboard-port'), 8090)
    .option('--no-first-crawl', 'do not crawl every source at start-up; wait for each schedule')
    .action(async (opts: { dashboard: boolean; dashboardHost: string; dashboardPort: number; firstCrawl: boolean }) => {
      const { redactUrl } = await import('../../../base/url/redact-url.js');
      const { startAlertWorker } = await import('../../../workers/alert-worker.js');
      const { startArticleWorkers } = await import('../../../workers/article-threads.js');
      const { startCrawlWorker } = await import('../../../workers/crawl-worker.js');
      const { syncDigestSchedulers, syncSchedulers } = await import('../../../workers/scheduler.js');
      const { startMaintenance } = await import('../../../workers/maintenance.js');
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const { startDashboard } = await import('../../dashboard/dashboard.js');
      const { warnMissingChannelEnv } = await import('../channel-warnings.js');
      const { runUntilSignal } = await import('../run-until-signal.js');
      const { firstCrawlPlan, queueFirstCrawls } = await import('../first-crawls.js');
      const { startBanner } = await import('../start-banner.js');
      const { resolveLogFormat } = await import('../../../base/logger.js');
      const rt = await createRuntime();
      warnMissingChannelEnv(rt);
      await syncSchedulers(rt);
      rt.onWatchlistChange(() => syncDigestSchedulers(rt).then(() => undefined));
      const stopMaintenance = startMaintenance(rt);
      const dashboard = opts.dashboard
        ? await startDashboard(rt, { host: opts.dashboardHost, port: opts.dashboardPort })
        : null;
      const workers = [
        startCrawlWorker(rt),
        await startArticleWorkers(rt, { besideCrawler: true }),
        startAlertWorker(rt),
      ];
      // After the article threads started: they are told of every edit from now on.
      rt.followWatchlist();
      const firstCrawls = opts.firstCrawl ? firstCrawlPlan(rt) : new Map<string, number>();
      rt.log.info(
        {
          redis: redactUrl(rt.redisTarget.url),
          embedded: rt.redisTarget.embedded,
          out: rt.outDir,
          dashboard: dashboard?.url ?? null,
          sources: rt.sources.length,
          rules: rt.alerts.watchlist.rules.length,
        },
        'tinwatch started',
      );
      if (resolveLogFormat(rt.env.LOG_FORMAT) === 'pretty')
        process.stderr.write(await startBanner(rt, dashboard?.url ?? null, firstCrawls));
      await queueFirstCrawls(rt, firstCrawls);
      await runUntilSignal(rt, async () => {
        stopMaintenance();
        await dashboard?.close();
        await Promise.all(workers.map((w) => w.close()));
      });
    });
}
