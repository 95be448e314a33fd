// `tinwatch dashboard`: the dashboard alone, beside workers that run elsewhere.
import type { Command } from 'commander';

export function registerDashboardCommand(program: Command): void {
  program
    .command('dashboard')
    .description('serve the dashboard: bull-board, latest articles, alerts, source health, /metrics')
    .option('--host <host>', 'address (beyond loopback needs TINWATCH_DASHBOARD_TOKEN)', '127.0.0.1')
    .option('--port <n>', 'port', '8090')
    .action(async (opts: { host: string; port: string }) => {
      const { createRuntime } = await import('../../../src/runtime/runtime.js');
      const { startDashboard } = await import('../../dashboard/dashboard.js');
      const { runUntilSignal } = await import('../run-until-signal.js');
      const rt = await createRuntime({ outFolder: 'none' });
      rt.followWatchlist();
      const dashboard = await startDashboard(rt, { host: opts.host, port: Number(opts.port) });
      process.stdout.write(`tinwatch dashboard on ${dashboard.url}\n`);
      rt.log.info({ url: dashboard.url }, 'dashboard started');
      await runUntilSignal(rt, () => dashboard.close());
    });
}
