// `tinwatch retry`: re-queue failed jobs; an unknown id is an error, not a silent zero.
import { type Command, Option } from 'commander';
import { QUEUE_CHOICES } from '../option-parsers.js';
import type { QueueName } from '../../../base/queues.js';

export function registerRetryCommand(program: Command): void {
  program
    .command('retry')
    .description(
      're-queue failed jobs (all, or the given ids); articles whose raw page expired are fetched again by the next crawl',
    )
    .argument('[ids...]', 'job ids (default: every failed job)')
    .addOption(new Option('--queue <names...>', 'queues').choices([...QUEUE_CHOICES]).default([...QUEUE_CHOICES]))
    .action(async (ids: string[], opts: { queue: QueueName[] }) => {
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const { retryFailed } = await import('../failed-work.js');
      const rt = await createRuntime({ outFolder: 'none' });
      try {
        const r = await retryFailed(rt, opts.queue, ids);
        const unknown = ids.filter((id) => !r.requeued.includes(id) && !r.refetch.includes(id));
        if (unknown.length > 0) {
          process.stderr.write(
            `tinwatch: no failed job ${unknown.join(', ')} in the ${opts.queue.join(', ')} queue(s) (tinwatch failed lists them)\n`,
          );
          process.exitCode = 1;
        }
        // Re-queued is not sent: say so when no worker is there to take them.
        for (const q of r.queues) {
          if ((await rt.queues[q].getWorkers()).length === 0)
            process.stderr.write(
              `tinwatch: no worker is working the ${q} queue now: its re-queued jobs wait until \`tinwatch start\` or \`tinwatch worker --queues ${q}\` runs\n`,
            );
        }
        process.stdout.write(
          `re-queued ${r.requeued.length} job(s)${r.refetch.length ? `; ${r.refetch.length} article(s) will be fetched again on the next crawl` : ''}\n`,
        );
      } finally {
        await rt.close();
      }
    });
}
