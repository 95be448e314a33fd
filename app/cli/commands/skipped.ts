// `tinwatch skipped`: the latest off-topic articles with their score and terms.
import type { Command } from 'commander';
import { printRecentSkipped } from '../print-skipped.js';
import { recentSkipped } from '../../../src/article/skipped-articles.js';
import { createRuntime } from '../../../src/runtime/runtime.js';
import { positiveInt } from '../cli-options.js';

export function registerSkippedCommand(program: Command): void {
  program
    .command('skipped')
    .description('list the most recent off-topic articles (not written) with their relevance score and terms')
    .option('--limit <n>', 'how many (1–1000)', positiveInt('--limit', 1_000), 50)
    .option('--json', 'print JSON')
    .action(async (opts: { limit: number; json?: boolean }) => {
      const rt = await createRuntime();
      try {
        if (opts.json)
          process.stdout.write(`${JSON.stringify(await recentSkipped(rt.redis, rt.keys, opts.limit), null, 2)}\n`);
        else await printRecentSkipped(rt, opts.limit);
      } finally {
        await rt.close();
      }
    });
}
