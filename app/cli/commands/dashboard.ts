// `tinwatch dashboard`: the dashboard alone, beside workers that run elsewhere. Its address flags
// are named as `tinwatch start` names them (--dashboard-host, --dashboard-port); the older
// --host/--port still work, hidden from the help.
import { Option, type Command } from 'commander';
import { portNumber } from '../option-parsers.js';

export function registerDashboardCommand(program: Command): void {
  program
    .command('dashboard')
    .description('serve the dashboard: bull-board, latest articles, alerts, source health, /metrics')
    .option('--dashboard-host <host>', 'address (beyond loopback needs TINWATCH_DASHBOARD_TOKEN)')
    .option('--dashboard-port <n>', 'port (default 8090)', portNumber('--dashboard-port'))
    .addOption(new Option('--host <host>').hideHelp())
    .addOption(new Option('--port <n>').argParser(portNumber('--port')).hideHelp())
    .action(async (opts: { dashboardHost?: string; dashboardPort?: number; host?: string; port?: number }) => {
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const { startDashboard } = await import('../../dashboard/dashboard.js');
      const { runUntilSignal } = await import('../run-until-signal.js');
      const rt = await createRuntime({ outFolder: 'none' });
      rt.followWatchlist();
      const dashboard = await startDashboard(rt, {
        host: opts.dashboardHost ?? opts.host ?? '127.0.0.1',
        port: opts.dashboardPort ?? opts.port ?? 8090,
      });
      process.stdout.write(`tinwatch dashboard on ${dashboard.url}\n`);
      rt.log.info({ url: dashboard.url }, 'dashboard started');
      await runUntilSignal(rt, () => dashboard.close());
    });
}
