// `tinwatch brief`: the daily briefing page (threads, new threads, 14-day coverage chart,
// borderline stories, failing or silent sources), written to a file and mailed with --send.
import type { Command } from 'commander';
import { ConfigError } from '../../../config/errors.js';
import { positiveInt } from '../option-parsers.js';

interface BriefFlags {
  day?: string;
  rule?: string;
  file?: string;
  send?: boolean;
  channel?: string;
  json?: boolean;
  silentDays?: number;
}

export function registerBriefCommand(program: Command): void {
  program
    .command('brief')
    .description(
      "write the day's briefing as one self-contained HTML page (threads ranked by outlets and follow-ups, new threads, a 14-day coverage chart per outlet, borderline stories waiting, failing or silent sources); --send mails it",
    )
    .option('--day <YYYY-MM-DD>', 'the Vietnam day (default: the newest day with a story, up to today)')
    .option('--rule <name>', 'only threads and coverage where a story matched this watch rule')
    .option('--file <path>', 'where to write the page (default: <out>/briefs/<day>.html)')
    .option('--send', 'also send it through the watchlist email channel')
    .option('--channel <name>', 'the email channel for --send (default: the only one)')
    .option(
      '--silent-days <n>',
      'days without a story before a working source counts as silent (default 3)',
      positiveInt('--silent-days', 365),
    )
    .option('--json', 'print the briefing as JSON instead of writing the page')
    .action(async (opts: BriefFlags) => {
      const { isCalendarDay } = await import('../../../src/brief/brief-days.js');
      if (opts.day !== undefined && !isCalendarDay(opts.day))
        throw new ConfigError(`--day: "${opts.day}" is not a day (YYYY-MM-DD)`);
      if (opts.channel && !opts.send) throw new ConfigError('--channel goes with --send');
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const { runBriefCommand } = await import('../../brief/brief-command.js');
      // Reads the folder only: it never claims it, as the dashboard does not.
      const rt = await createRuntime({ outFolder: 'none' });
      try {
        process.stdout.write(await runBriefCommand(rt, opts));
      } finally {
        await rt.close();
      }
    });
}
