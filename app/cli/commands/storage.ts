// `tinwatch storage report|prune`: disk use per day and retention.
import type { Command } from 'commander';

export function registerStorageCommand(program: Command): void {
  const storage = program.command('storage').description('what the output takes on disk, and retention');

  storage
    .command('report')
    .description('disk used per day (Vietnam time) by article texts and WARC captures, totals, and bytes per article')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { readEnv } = await import('../../../config/env.js');
      const { formatStorageReport, storageReport } = await import('../../../src/archive/storage.js');
      const { checkOutDir } = await import('../../../src/write/folder-identity.js');
      checkOutDir(readEnv().TINWATCH_OUT, 'read');
      const r = await storageReport(readEnv().TINWATCH_OUT);
      process.stdout.write(opts.json ? `${JSON.stringify(r, null, 2)}\n` : `${formatStorageReport(r)}\n`);
    });

  storage
    .command('prune')
    .description(
      'delete article texts and closed WARC files past TINWATCH_TEXT_RETENTION_DAYS / TINWATCH_WARC_RETENTION_DAYS (the scheduler does it daily); manifest lines stay, and a tombstone line per story says what was removed, when and why',
    )
    .option('--dry-run', 'say what would go, delete nothing')
    .action(async (opts: { dryRun?: boolean }) => {
      const { readEnv } = await import('../../../config/env.js');
      const { pruneStorage } = await import('../../../src/archive/storage.js');
      const { checkOutDir } = await import('../../../src/write/folder-identity.js');
      const env = readEnv();
      checkOutDir(env.TINWATCH_OUT, 'read');
      if (!opts.dryRun) checkOutDir(env.TINWATCH_OUT, 'write');
      const r = await pruneStorage(
        env.TINWATCH_OUT,
        { textDays: env.TINWATCH_TEXT_RETENTION_DAYS, warcDays: env.TINWATCH_WARC_RETENTION_DAYS },
        { dryRun: opts.dryRun === true },
      );
      process.stdout.write(
        `${opts.dryRun ? 'would delete' : 'deleted'} ${r.textFiles} text file(s) and ${r.warcFiles} WARC file(s), ${(r.bytes / 1024).toFixed(1)} KB` +
          (opts.dryRun ? '\n' : `; ${r.tombstones} tombstone line(s) in the manifest say what went\n`),
      );
    });
}
