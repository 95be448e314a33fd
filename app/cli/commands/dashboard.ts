// `tinwatch dashboard`: the dashboard alone, beside workers that run elsewhere.
import type { Command } from 'commander';
import { createRuntime } from '../../../src/runtime/runtime.js';
import { startDashboard } from '../../dashboard/dashboard.js';
import { runUntilSignal } from '../run-until-signal.js';

export function registerDashboardCommand(program: Command): void {
  program
    .command('dashboard')
    .description('serve the dashboard: bull-board, latest articles, alerts, source health, /metrics')
    .option('--host <host>', 'address (beyond loopback needs TINWATCH_DASHBOARD_TOKEN)', '127.0.0.1')
    .option('--port <n>', 'port', '8090')
    .action(async (opts: { host: string; port: string }) => {
      const rt = await createRuntime();
      rt.followWatchlist();
      const dashboard = await startDashboard(rt, { host: opts.host, port: Number(opts.port) });
      process.stdout.write(`tinwatch dashboard on ${dashboard.url}\n`);
      rt.log.info({ url: dashboard.url }, 'dashboard started');
      await runUntilSignal(rt, () => dashboard.close());
    });
}
