// `tinwatch demo`: the whole pipeline against the bundled recorded pages.
import type { Command } from 'commander';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the whole pipeline against the bundled recorded pages and leave the files in the output folder')
    .action(async () => {
      const { readEnv, settingGiven } = await import('../../../config/env.js');
      const { formatRunSummary, runHadFailures } = await import('../../../workers/run-once/crawl-once.js');
      const { runDemo } = await import('../../demo/demo.js');
      const { ttyProgress } = await import('../progress.js');
      const outDir = readEnv().TINWATCH_OUT;
      const live = process.stderr.isTTY === true;
      // Beside a live progress block only warnings are logged (info lines would scroll it away).
      const { summary, files } = await runDemo(
        outDir,
        undefined,
        live ? ttyProgress(process.stderr) : undefined,
        undefined,
        live && !settingGiven('LOG_LEVEL') ? 'warn' : undefined,
      );
      if (runHadFailures(summary)) process.exitCode = 1;
      process.stdout.write(`${formatRunSummary(summary)}\n\nwritten to ${outDir}/articles:\n`);
      for (const f of files) process.stdout.write(`  ${f}\n`);
      process.stdout.write(`manifest: ${outDir}/manifest.jsonl\n`);
    });
}
