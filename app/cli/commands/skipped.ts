// `tinwatch skipped`: the latest off-topic articles with their score and terms.
import type { Command } from 'commander';
import { positiveInt } from '../option-parsers.js';

export function registerSkippedCommand(program: Command): void {
  program
    .command('skipped')
    .description('list the most recent off-topic articles (not written) with their relevance score and terms')
    .option('--limit <n>', 'how many (1–1000)', positiveInt('--limit', 1_000), 50)
    .option('--json', 'print JSON')
    .action(async (opts: { limit: number; json?: boolean }) => {
      const { printRecentSkipped } = await import('../print-skipped.js');
      const { recentSkipped } = await import('../../../pipeline/article/skipped-articles.js');
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const rt = await createRuntime({ outFolder: 'none' });
      try {
        if (opts.json)
          process.stdout.write(`${JSON.stringify(await recentSkipped(rt.redis, rt.keys, opts.limit), null, 2)}\n`);
        else await printRecentSkipped(rt, opts.limit);
      } finally {
        await rt.close();
      }
    });
}
