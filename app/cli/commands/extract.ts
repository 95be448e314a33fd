// `tinwatch extract`: the text tinwatch would write for saved pages; no Redis needed.
import type { Command } from 'commander';
import type { ExtractOptions } from '../extract-command.js';

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('print the seed-format text tinwatch would write for saved pages (no Redis needed; any outlet)')
    .argument('<files...>', 'saved HTML pages (- reads one from stdin)')
    .option('--url <url>', 'the URL the page was saved from (default: the canonical URL the page states)')
    .option('--source <id>', 'read with this source file (default: the one covering the URL host, else generic)')
    .option('--json', 'print the extracted fields, the source used and which selectors matched instead')
    .action(async (files: string[], opts: ExtractOptions) => {
      const { runExtract } = await import('../extract-command.js');
      process.exitCode = await runExtract(files, opts, {
        stdout: process.stdout,
        stderr: process.stderr,
        stdin: process.stdin,
      });
    });
}
