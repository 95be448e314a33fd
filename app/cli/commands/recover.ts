// `tinwatch recover`: rebuild this prefix's Redis record from the output folder (after Redis lost
// its data). Writers refuse to start (exit 3) until it has run; docs/operations.md.
import type { Command } from 'commander';

export function registerRecoverCommand(program: Command): void {
  program
    .command('recover')
    .description(
      'rebuild from the output folder everything in Redis that decides what is written or sent (counters, seen URLs, duplicate index, alert-sent marks), after Redis lost its data; stop the workers first',
    )
    .option('--force', 'rebuild even when Redis already holds the folder’s record')
    .action(async (opts: { force?: boolean }) => {
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const { runRecover } = await import('../recover-command.js');
      const rt = await createRuntime({ outFolder: 'none' });
      try {
        process.stdout.write(await runRecover(rt, opts.force === true));
      } finally {
        await rt.close();
      }
    });
}
