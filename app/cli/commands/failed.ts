// `tinwatch failed`: failed jobs and pages with their reasons.
import { type Command, Option } from 'commander';
import { QUEUE_CHOICES } from '../option-parsers.js';
import type { QueueName } from '../../../base/queues.js';

export function registerFailedCommand(program: Command): void {
  program
    .command('failed')
    .description('list failed jobs and pages with their reasons')
    .addOption(
      new Option('--queue <names...>', 'queues to list')
        .choices([...QUEUE_CHOICES, 'fetch'])
        .default([...QUEUE_CHOICES, 'fetch']),
    )
    .option('--json', 'print JSON')
    .action(async (opts: { queue: (QueueName | 'fetch')[]; json?: boolean }) => {
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const { listFailed } = await import('../failed-work.js');
      const rt = await createRuntime({ outFolder: 'none' });
      try {
        const items = await listFailed(rt, opts.queue);
        if (opts.json) process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
        else if (items.length === 0) process.stdout.write('no failures\n');
        else for (const i of items) process.stdout.write(`${i.queue}\t${i.id}\t${i.at}\t${i.what}\n\t${i.reason}\n`);
      } finally {
        await rt.close();
      }
    });
}
