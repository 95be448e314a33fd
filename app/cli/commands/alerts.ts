// `tinwatch alerts test|send-test`: try a watch rule on an article, or a channel with a sample alert.
import type { Command } from 'commander';
import { ConfigError } from '../../../config/errors.js';
import { readEnv, readSecret } from '../../../config/env.js';
import { loadWatchlist } from '../../../config/load-watchlist.js';
import { renderAlert } from '../../../src/alert/alert-content.js';
import { SAMPLE_ALERT } from '../../../src/alert/sample-alert.js';
import { createChannel } from '../../../src/alert/channels/channel-registry.js';
import { createLogger, resolveLogFormat } from '../../../src/logger.js';
import { explainRule } from '../../../src/match/explain-rule.js';
import { loadArticleInput } from '../article-input.js';

export function registerAlertsCommand(program: Command): void {
  const alerts = program.command('alerts').description('watch rules and alert channels');

  alerts
    .command('test')
    .description('show whether a rule matches an article, and why')
    .argument('<rule>', 'rule name from config/watchlist.ts')
    .option('--text <file>', 'a text file in the output format (title, blank line, lead, paragraphs)')
    .option('--url <url>', 'fetch this article page (through the origin map) and extract it first')
    .action(async (ruleName: string, opts: { text?: string; url?: string }) => {
      const rule = loadWatchlist().rules.find((r) => r.name === ruleName);
      if (!rule)
        throw new ConfigError(
          `unknown rule "${ruleName}" (known: ${loadWatchlist()
            .rules.map((r) => r.name)
            .join(', ')})`,
        );
      if (!opts.text === !opts.url) throw new ConfigError('give exactly one of --text FILE and --url URL');
      const article = await loadArticleInput({ file: opts.text, url: opts.url });
      process.stdout.write(`${explainRule(rule, article)}\n`);
    });

  alerts
    .command('send-test')
    .description('send a sample alert through one channel now (not through the queue) and report the result')
    .argument('<channel>', 'channel name from config/watchlist.ts')
    .action(async (channelName: string) => {
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
