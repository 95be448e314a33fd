// The command line: global options, one file per command (commands/), and one exit rule —
// a wrong setting or input is one line and exit 2, anything else one line and exit 1. A command
// file declares its options here and imports its code inside its action, so `--help` and a
// light command never load crawlee, BullMQ or Redis clients (ESLint holds command files to it).
import { Command } from 'commander';
import { debugRequested, setFlagSettings } from '../../config/env.js';
import { ConfigError } from '../../config/errors.js';
import { RedisUnavailableError } from '../../base/errors.js';
import { FolderRecordMissingError, OutFolderError, RecoverBusyError } from '../../src/write/folder-identity.js';
import { runRuntimeClosers } from '../../base/runtime-closers.js';
import { registerAlertsCommand } from './commands/alerts.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerBriefCommand } from './commands/brief.js';
import { registerCrawlCommand } from './commands/crawl.js';
import { registerDashboardCommand } from './commands/dashboard.js';
import { registerDedupeCommand } from './commands/dedupe.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerExportCommand } from './commands/export.js';
import { registerExtractCommand } from './commands/extract.js';
import { registerFailedCommand } from './commands/failed.js';
import { registerManifestCommand } from './commands/manifest.js';
import { registerRecoverCommand } from './commands/recover.js';
import { registerRelevanceCommand } from './commands/relevance.js';
import { registerReplayCommand } from './commands/replay.js';
import { registerReportCommand } from './commands/report.js';
import { registerRetryCommand } from './commands/retry.js';
import { registerSchedulerCommand } from './commands/scheduler.js';
import { registerSkippedCommand } from './commands/skipped.js';
import { registerSourcesCommand } from './commands/sources.js';
import { registerStartCommand } from './commands/start.js';
import { registerStorageCommand } from './commands/storage.js';
import { registerWorkerCommand } from './commands/worker.js';

const program = new Command();
/** Commander's codes for help shown (asked for, or for a command given no subcommand). */
const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

program
  .name('tinwatch')
  .description('Watches Vietnamese-language outlets for Korea–US defence coverage and writes seed-format text files.')
  .option('--out <dir>', 'output folder (env TINWATCH_OUT, default out/)')
  .option('--origin-map <json>', 'JSON {"https://real.origin": "http://127.0.0.1:PORT/base"} (env TINWATCH_ORIGIN_MAP)')
  .option('--redis-url <url>', 'Redis to use (env REDIS_URL; default: 127.0.0.1:6379, else an embedded redis-server)')
  .option('--settings <file>', 'settings file (env TINWATCH_SETTINGS; default ./tinwatch.json when it exists)')
  .showHelpAfterError('(tinwatch <command> --help shows the options)')
  // An unknown option or command, a bad or missing value: a wrong input, so exit 2 as documented
  // (commander's own code is 1). Help and --version keep theirs. Subcommands inherit this.
  .exitOverride((err) => process.exit(err.exitCode !== 0 && !HELP_CODES.has(err.code) ? 2 : err.exitCode))
  .hook('preAction', (cmd) => {
    const o = cmd.opts<{ out?: string; originMap?: string; redisUrl?: string; settings?: string }>();
    setFlagSettings({
      TINWATCH_OUT: o.out,
      TINWATCH_ORIGIN_MAP: o.originMap,
      REDIS_URL: o.redisUrl,
      TINWATCH_SETTINGS: o.settings,
    });
  });

for (const register of [
  registerStartCommand,
  registerDashboardCommand,
  registerWorkerCommand,
  registerSchedulerCommand,
  registerCrawlCommand,
  registerExtractCommand,
  registerReplayCommand,
  registerDemoCommand,
  registerFailedCommand,
  registerRetryCommand,
  registerSkippedCommand,
  registerReportCommand,
  registerAuditCommand,
  registerBriefCommand,
  registerSourcesCommand,
  registerExportCommand,
  registerStorageCommand,
  registerManifestCommand,
  registerDedupeCommand,
  registerRecoverCommand,
  registerAlertsCommand,
  registerRelevanceCommand,
])
  register(program);

try {
  await program.parseAsync(process.argv);
  // One-shot commands that fetched a page (sources check, alerts test --url) started crawlee's
  // process-wide system-info timer; it would keep the process alive.
  await runRuntimeClosers();
} catch (err) {
  // A wrong setting or input: one line, exit 2. Anything else: one line, exit 1; the stack only
  // when asked for (LOG_LEVEL=debug or trace), since an ordinary mistake is not a crash.
  const usage = err instanceof ConfigError || err instanceof RedisUnavailableError || err instanceof OutFolderError;
  // Redis lost the output folder's record: 3, so a supervisor can run `tinwatch recover` on it.
  const needsRecovery = err instanceof FolderRecordMissingError || err instanceof RecoverBusyError;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`tinwatch: ${message.split('\n').join('\n  ')}\n`);
  if (!usage && !needsRecovery && debugRequested() && err instanceof Error && err.stack)
    process.stderr.write(`${err.stack}\n`);
  process.exit(usage ? 2 : needsRecovery ? 3 : 1);
}
