// `tinwatch demo`: the whole pipeline against the bundled recorded pages.
import type { Command } from 'commander';
import { readEnv } from '../../../config/env.js';
import { formatRunSummary } from '../crawl-once.js';
import { runDemo } from '../../demo/demo.js';
import { ttyProgress } from '../progress.js';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the whole pipeline against the bundled recorded pages and leave the files in the output folder')
    .action(async () => {
      const outDir = readEnv().TINWATCH_OUT;
      const { summary, files } = await runDemo(
        outDir,
        undefined,
        process.stderr.isTTY ? ttyProgress(process.stderr) : undefined,
      );
      if (summary.totals.failed + summary.totals.alertsFailed > 0) process.exitCode = 1;
      process.stdout.write(`${formatRunSummary(summary)}\n\nwritten to ${outDir}/articles:\n`);
      for (const f of files) process.stdout.write(`  ${f}\n`);
      process.stdout.write(`manifest: ${outDir}/manifest.jsonl\n`);
    });
}
