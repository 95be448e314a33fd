// `tinwatch crawl`: queue a crawl now, or with --once run one cycle here and wait for all it caused.
import type { Command } from 'commander';
import { parseSince } from '../option-parsers.js';

export function registerCrawlCommand(program: Command): void {
  program
    .command('crawl')
    .description('crawl sources now: with --once, run one cycle here and wait for every job it caused')
    .option('--once', 'run one discovery+fetch cycle, wait for all its jobs, print a summary')
    .option('--source <ids...>', 'only these source ids (default: all)')
    .option('--remote-workers', 'with --once: do not start workers here, wait for workers elsewhere')
    .option('--show-skipped', 'also list off-topic articles (this run with --once, else the most recent ones)')
    .option('--since <date>', 'backfill: walk listing pages back to this date (YYYY-MM-DD, Vietnam time, or ISO 8601)')
    .option('--json', 'print the summary as JSON')
    .action(
      async (opts: {
        once?: boolean;
        source?: string[];
        remoteWorkers?: boolean;
        showSkipped?: boolean;
        json?: boolean;
        since?: string;
      }) => {
        const { settingGiven } = await import('../../../config/env.js');
        const { printRecentSkipped } = await import('../print-skipped.js');
        const { crawlOnce, formatRunSummary, runHadFailures } = await import('../../../workers/run-once/crawl-once.js');
        const { ttyProgress } = await import('../progress.js');
        const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
        const { JOB } = await import('../../../base/queues.js');
        const { pickSources } = await import('../pick-sources.js');
        const { warnMissingChannelEnv } = await import('../channel-warnings.js');
        const sources = pickSources(opts.source);
        const since = opts.since ? parseSince(opts.since) : undefined;
        const live = opts.once === true && process.stderr.isTTY === true && !opts.json;
        // Beside a live progress block only warnings are logged (info lines would scroll it away).
        const rt = await createRuntime(live && !settingGiven('LOG_LEVEL') ? { env: { LOG_LEVEL: 'warn' } } : {});
        if (opts.once) warnMissingChannelEnv(rt);
        try {
          if (!opts.once) {
            for (const s of sources)
              await rt.queues.crawl.add(JOB.crawl, { sourceId: s.id, ...(since ? { since } : {}) });
            process.stdout.write(`queued a crawl for ${sources.map((s) => s.id).join(', ')}\n`);
            if (opts.showSkipped) await printRecentSkipped(rt, 50);
            return;
          }
          const summary = await crawlOnce(rt, {
            sources,
            ...(since ? { since } : {}),
            useRemoteWorkers: opts.remoteWorkers,
            ...(live ? { onProgress: ttyProgress(process.stderr) } : {}),
          });
          // Success is never reported for work that failed: a failed crawl, page or alert exits 1.
          if (runHadFailures(summary)) process.exitCode = 1;
          if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          else {
            process.stdout.write(`${formatRunSummary(summary)}\n`);
            if (opts.showSkipped) {
              for (const s of summary.sources)
                for (const t of s.offTopicTitles) process.stdout.write(`off-topic ${s.sourceId}: ${t}\n`);
            }
          }
        } finally {
          await rt.close();
        }
      },
    );
}
