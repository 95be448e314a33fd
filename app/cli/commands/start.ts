// `tinwatch start`: scheduler, workers and dashboard in one process until a signal.
import type { Command } from 'commander';
import { redactUrl } from '../../../src/url/redact-url.js';
import { startAlertWorker } from '../../../workers/alert-worker.js';
import { startArticleWorkers } from '../../../workers/article-threads.js';
import { startCrawlWorker } from '../../../workers/crawl-worker.js';
import { syncDigestSchedulers, syncSchedulers } from '../../../workers/scheduler.js';
import { startMaintenance } from '../../../workers/maintenance.js';
import { createRuntime } from '../../../src/runtime/runtime.js';
import { startDashboard } from '../../dashboard/dashboard.js';
import { warnMissingChannelEnv } from '../channel-warnings.js';
import { runUntilSignal } from '../run-until-signal.js';
import { firstCrawlPlan, queueFirstCrawls } from '../first-crawls.js';
import { startBanner } from '../start-banner.js';
import { resolveLogFormat } from '../../../src/logger.js';

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
    .option('--dashboard-port <n>', 'dashboard port', '8090')
    .option('--no-first-crawl', 'do not crawl every source at start-up; wait for each schedule')
    .action(async (opts: { dashboard: boolean; dashboardHost: string; dashboardPort: string; firstCrawl: boolean }) => {
      const rt = await createRuntime();
      warnMissingChannelEnv(rt);
      await syncSchedulers(rt);
      rt.onWatchlistChange(() => syncDigestSchedulers(rt).then(() => undefined));
      const stopMaintenance = startMaintenance(rt);
      const dashboard = opts.dashboard
        ? await startDashboard(rt, { host: opts.dashboardHost, port: Number(opts.dashboardPort) })
        : null;
      const workers = [
        startCrawlWorker(rt),
        await startArticleWorkers(rt, { besideCrawler: true }),
        startAlertWorker(rt),
      ];
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
      // After the article threads started: they are told of every edit from now on.
      rt.followWatchlist();
      await queueFirstCrawls(rt, firstCrawls);
      await runUntilSignal(rt, async () => {
        stopMaintenance();
        await dashboard?.close();
        await Promise.all(workers.map((w) => w.close()));
      });
    });
}
