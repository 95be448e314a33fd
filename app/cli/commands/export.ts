// `tinwatch export`: manifest entries after a cursor, for archives that pull.
import type { Command } from 'commander';
import type { ExportCommandOptions } from '../export-command.js';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('print the manifest entries after a cursor, for archives that pull what is new')
    .option(
      '--since <seq|date>',
      "the seq of the last article line you pulled, an instant with its offset (2026-12-07T07:20:01+07:00, …Z), or a date (2026-12-07: that day in Vietnam, from 00:00 +07:00; a time without an offset is Vietnam time too); never your shell's time zone (default: everything)",
    )
    .option('--format <jsonl|csv>', 'jsonl (the manifest lines as written) or csv', 'jsonl')
    .option('--with-text', "add each article's text (jsonl: a text field; csv: a text column)")
    .option('--follow', 'then keep printing new entries as they are written, until interrupted')
    .action(async (opts: ExportCommandOptions) => {
      const { readEnv } = await import('../../../config/env.js');
      const { runExport } = await import('../export-command.js');
      process.exitCode = await runExport(readEnv().TINWATCH_OUT, opts, {
        stdout: process.stdout,
        stderr: process.stderr,
      });
    });
}
