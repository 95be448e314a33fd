// `tinwatch report`: where every URL discovered on a day ended, per source (the URL ledger).
import type { Command } from 'commander';
import { ConfigError } from '../../../config/errors.js';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'per source, every URL discovered on a day and the bucket it ended in: written, borderline, duplicate, related, off-topic, stale, failed, deferred, rejected (or still in progress)',
    )
    .option('--day <YYYY-MM-DD>', 'the Vietnam day (default: today)')
    .option('--json', 'print JSON, with the reasons and causes in each bucket')
    .action(async (opts: { day?: string; json?: boolean }) => {
      const { isCalendarDay } = await import('../../../src/brief/brief-days.js');
      if (opts.day !== undefined && !isCalendarDay(opts.day))
        throw new ConfigError(`--day: "${opts.day}" is not a day (YYYY-MM-DD)`);
      const { dayReport, printDayReport } = await import('../day-report.js');
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const rt = await createRuntime();
      try {
        const report = await dayReport(rt, opts.day);
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : printDayReport(report));
      } finally {
        await rt.close();
      }
    });
}
