// `tinwatch scheduler`: one job scheduler per source, re-applied until stopped, plus daily maintenance.
import type { Command } from 'commander';

export function registerSchedulerCommand(program: Command): void {
  program
    .command('scheduler')
    .description('install one job scheduler per source (cron + jitter) and keep them in sync until stopped')
    .option('--resync-minutes <n>', 'how often to re-apply the schedules', '10')
    .action(async (opts: { resyncMinutes: string }) => {
      const { syncDigestSchedulers, syncSchedulers } = await import('../../../workers/scheduler.js');
      const { startMaintenance } = await import('../../../workers/maintenance.js');
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const { runUntilSignal } = await import('../run-until-signal.js');
      // It writes no file (its storage prune only deletes old ones), and may run where the folder
      // is not mounted (docker-compose.yml): it must not claim a folder of its own.
      const rt = await createRuntime({ outFolder: 'none' });
      await syncSchedulers(rt);
      // A digest rule added, changed or removed in the watchlist gets its scheduler at once.
      rt.onWatchlistChange(() => syncDigestSchedulers(rt).then(() => undefined));
      rt.followWatchlist();
      const timer = setInterval(
        () => void syncSchedulers(rt).catch((e: unknown) => rt.log.error({ err: String(e) }, 'resync failed')),
        Number(opts.resyncMinutes) * 60_000,
      );
      const stopMaintenance = startMaintenance(rt);
      await runUntilSignal(rt, async () => {
        clearInterval(timer);
        stopMaintenance();
      });
    });
}
