// `tinwatch alerts test|send-test`: try a watch rule on an article, or a channel with a sample alert.
import type { Command } from 'commander';
import { positiveInt } from '../option-parsers.js';
import { ConfigError } from '../../../config/errors.js';

export function registerAlertsCommand(program: Command): void {
  const alerts = program.command('alerts').description('watch rules and alert channels');

  alerts
    .command('test')
    .description('show whether a rule (or a draft --query) matches an article, and why')
    .argument('[rule]', 'rule name from the watchlist')
    .option('--query <query>', 'a draft query instead of a rule: words, "phrases", AND, OR, NOT, NEAR/n')
    .option('--text <file>', 'a text file in the output format (title, blank line, lead, paragraphs)')
    .option('--url <url>', 'fetch this article page (through the origin map) and extract it first')
    .action(async (ruleName: string | undefined, opts: { query?: string; text?: string; url?: string }) => {
      const { explainRule } = await import('../../../src/match/explain-rule.js');
      const { loadArticleInput } = await import('../article-input.js');
      const { chooseRule } = await import('../backtest-command.js');
      const rule = chooseRule({
        ...(ruleName ? { rule: ruleName } : {}),
        ...(opts.query !== undefined ? { query: opts.query } : {}),
      });
      if (!opts.text === !opts.url) throw new ConfigError('give exactly one of --text FILE and --url URL');
      const article = await loadArticleInput({ file: opts.text, url: opts.url });
      process.stdout.write(`${explainRule(rule, article)}\n`);
    });

  alerts
    .command('backtest')
    .description('run a rule (or a draft --query) over every article already written; newest hits first, highlighted')
    .argument('[rule]', 'rule name from the watchlist')
    .option('--query <query>', 'a draft query instead of a rule')
    .option('--fields <fields...>', 'parts of the article to read: title lead body')
    .option('--diacritic-free', 'also match with tone marks removed')
    .option('--outlet <id>', 'only this source (its id, e.g. vnexpress)')
    .option('--from <day>', 'first day, YYYY-MM-DD (Vietnam time)')
    .option('--to <day>', 'last day, YYYY-MM-DD (Vietnam time)')
    .option('--limit <n>', 'hits to print (all are counted)', positiveInt('--limit', 100_000), 20)
    .action(
      async (
        ruleName: string | undefined,
        opts: {
          query?: string;
          fields?: string[];
          diacriticFree?: boolean;
          outlet?: string;
          from?: string;
          to?: string;
          limit: number;
        },
      ) => {
        const { runBacktest } = await import('../backtest-command.js');
        await runBacktest(
          { ...opts, ...(ruleName ? { rule: ruleName } : {}) },
          process.stdout,
          process.stdout.isTTY === true,
        );
      },
    );

  alerts
    .command('send-test')
    .description('send a sample alert through one channel now (not through the queue) and report the result')
    .argument('<channel>', 'channel name from config/watchlist.ts')
    .action(async (channelName: string) => {
      const { readEnv, readSecret } = await import('../../../config/env.js');
      const { loadWatchlist } = await import('../../../config/load-watchlist.js');
      const { renderAlert } = await import('../../../src/alert/alert-content.js');
      const { SAMPLE_ALERT } = await import('../../../src/alert/sample-alert.js');
      const { createChannel } = await import('../../../src/alert/channels/channel-registry.js');
      const { createLogger, resolveLogFormat } = await import('../../../base/logger.js');
      const wl = loadWatchlist();
      const cfg = wl.channels[channelName];
      if (!cfg)
        throw new ConfigError(`unknown channel "${channelName}" (known: ${Object.keys(wl.channels).join(', ')})`);
      const env = readEnv();
      const log = createLogger(env.LOG_LEVEL, resolveLogFormat(env.LOG_FORMAT));
      const channel = createChannel(channelName, cfg, readSecret, log);
      try {
        await channel.send(renderAlert(SAMPLE_ALERT), `send-test-${Date.now()}`);
        process.stdout.write(`sent a test alert through ${channelName} (${cfg.type})\n`);
      } catch (err) {
        process.stderr.write(`tinwatch: ${channelName} (${cfg.type}) failed: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
