// The command line. Every command has --help; configuration errors exit 2 naming the field.
import { checkManifest } from '../../src/write/manifest-check.js';
import { redactUrl } from '../../src/url/redact-url.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadSources, sourceById } from '../../config/load-sources.js';
import { startAlertWorker } from '../../workers/alert-worker.js';
import { startArticleWorkers } from '../../workers/article-threads.js';
import { startCrawlWorker } from '../../workers/crawl-worker.js';
import { syncSchedulers } from '../../workers/scheduler.js';
import { startMaintenance } from '../../workers/maintenance.js';
import { crawlOnce, formatRunSummary, formatSkipped } from './crawl-once.js';
import { pruneExpired } from '../../src/dedupe/dedupe-index.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { compareFingerprints } from '../../src/dedupe/same-story.js';
import { formatComparison } from '../../src/dedupe/format-comparison.js';
import { rebuildIndex, textBlocksOfFile } from '../../src/dedupe/rebuild-index.js';
import { recentSkipped } from '../../src/article/skipped-articles.js';
import { checkSource, formatSourceCheck } from './sources-check.js';
import { runDemo } from '../demo/demo.js';
import { ttyProgress } from './progress.js';
import { createRuntime, type Runtime } from '../../src/runtime/runtime.js';
import { onShutdown } from './shutdown.js';
import { replayOriginMap } from '../../src/url/origin-map.js';
import { JOB, type QueueName } from '../../src/queues.js';
import { listFailed, retryFailed } from './failed-work.js';
import { RedisUnavailableError } from '../../src/redis/embedded-redis.js';
import { startReplayServer } from '../replay/replay-server.js';
import { readdir, stat } from 'node:fs/promises';
import { readEnv } from '../../config/env.js';
import { loadWatchlist } from '../../config/load-watchlist.js';
import { closeCrawleeEvents } from '../../crawlers/crawlee-setup.js';
import { renderAlert } from '../../src/alert/alert-content.js';
import { SAMPLE_ALERT } from '../../src/alert/sample-alert.js';
import { createChannel } from '../../src/alert/channels/channel.js';
import { createOriginMap } from '../../src/url/origin-map.js';
import { createLogger } from '../../src/logger.js';
import { startDashboard } from '../dashboard/dashboard.js';
import { explainRule } from '../../src/match/explain-rule.js';
import { loadArticleInput, readInputFile } from './article-input.js';
import { runExport, type ExportCommandOptions } from './export-command.js';
import { formatStorageReport, pruneStorage, storageReport } from '../../src/archive/storage.js';
import { missingChannelEnv } from '../../src/alert/channel-check.js';
import { runExtract, type ExtractOptions } from './extract-command.js';
import { explainRelevance } from '../../src/relevance/explain-relevance.js';
import { exportMarks } from '../../src/relevance/relevance-marks.js';
import { topicProfile } from '../../config/load-topics.js';

const program = new Command();

program
  .name('tinwatch')
  .description('Watches Vietnamese-language outlets for Korea–US defence coverage and writes seed-format text files.')
  .option('--out <dir>', 'output folder (env TINWATCH_OUT, default out/)')
  .option('--origin-map <json>', 'JSON {"https://real.origin": "http://127.0.0.1:PORT/base"} (env TINWATCH_ORIGIN_MAP)')
  .option('--redis-url <url>', 'Redis to use (env REDIS_URL; default: 127.0.0.1:6379, else an embedded redis-server)')
  .showHelpAfterError('(tinwatch <command> --help shows the options)')
  .hook('preAction', (cmd) => {
    const o = cmd.opts<{ out?: string; originMap?: string; redisUrl?: string }>();
    if (o.out) process.env.TINWATCH_OUT = o.out;
    if (o.originMap) process.env.TINWATCH_ORIGIN_MAP = o.originMap;
    if (o.redisUrl) process.env.REDIS_URL = o.redisUrl;
  });

/** `--since`: a day (midnight, Vietnam time) or a full ISO 8601 time; anything else stops with exit 2. */
function parseSince(value: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value;
  const t = Date.parse(iso);
  if (!Number.isFinite(t) || !/[zZ]|[+-]\d{2}:\d{2}$/.test(iso)) {
    throw new ConfigError(`--since: "${value}" is not a date (YYYY-MM-DD or ISO 8601 with an offset)`);
  }
  return new Date(t).toISOString();
}

/** An option's whole number in 1..max; anything else stops with one line (commander exits 1). */
function positiveInt(name: string, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
      throw new InvalidArgumentError(`${name} takes a whole number from 1 to ${max}, not "${value}"`);
    return Number(value);
  };
}

function pickSources(ids: string[] | undefined) {
  return ids && ids.length ? ids.map((id) => sourceById(id)) : loadSources();
}

/** One warning per channel variable a rule needs and the environment lacks (start, crawl --once). */
function warnMissingChannelEnv(rt: Runtime): void {
  for (const m of missingChannelEnv(rt.alerts.watchlist, (n) => process.env[n]))
    rt.log.warn(
      { channel: m.channel, variable: m.variable, rules: m.rules },
      `alert channel "${m.channel}" needs ${m.variable}, which is not set: alerts of ${m.rules.join(', ')} through it will fail`,
    );
}

async function runUntilSignal(rt: Runtime, stop: () => Promise<void>): Promise<void> {
  await onShutdown(rt.log, async () => {
    await stop();
    await rt.close();
  });
}

program
  .command('start')
  .description('run the scheduler, the workers and the dashboard in one process until SIGINT/SIGTERM')
  .option('--no-dashboard', 'do not serve the dashboard')
  .option('--dashboard-host <host>', 'dashboard address (beyond loopback needs TINWATCH_DASHBOARD_TOKEN)', '127.0.0.1')
  .option('--dashboard-port <n>', 'dashboard port', '8090')
  .action(async (opts: { dashboard: boolean; dashboardHost: string; dashboardPort: string }) => {
    const rt = await createRuntime();
    warnMissingChannelEnv(rt);
    await syncSchedulers(rt);
    const stopMaintenance = startMaintenance(rt);
    const dashboard = opts.dashboard
      ? await startDashboard(rt, { host: opts.dashboardHost, port: Number(opts.dashboardPort) })
      : null;
    const workers = [
      startCrawlWorker(rt),
      await startArticleWorkers(rt, { besideCrawler: true }),
      startAlertWorker(rt),
    ];
    rt.log.info(
      {
        redis: redactUrl(rt.redisTarget.url),
        embedded: rt.redisTarget.embedded,
        out: rt.outDir,
        dashboard: dashboard?.url ?? null,
      },
      'tinwatch started',
    );
    await runUntilSignal(rt, async () => {
      stopMaintenance();
      await dashboard?.close();
      await Promise.all(workers.map((w) => w.close()));
    });
  });

program
  .command('dashboard')
  .description('serve the dashboard: bull-board, latest articles, alerts, source health, /metrics')
  .option('--host <host>', 'address (beyond loopback needs TINWATCH_DASHBOARD_TOKEN)', '127.0.0.1')
  .option('--port <n>', 'port', '8090')
  .action(async (opts: { host: string; port: string }) => {
    const rt = await createRuntime();
    const dashboard = await startDashboard(rt, { host: opts.host, port: Number(opts.port) });
    process.stdout.write(`tinwatch dashboard on ${dashboard.url}\n`);
    rt.log.info({ url: dashboard.url }, 'dashboard started');
    await runUntilSignal(rt, () => dashboard.close());
  });

program
  .command('worker')
  .description('run crawl and article workers only (start as many as you like, on any machine sharing the Redis)')
  .addOption(
    new Option('--queues <names...>', 'queues to work')
      .choices(['crawl', 'article', 'alert'])
      .default(['crawl', 'article', 'alert']),
  )
  .action(async (opts: { queues: string[] }) => {
    const rt = await createRuntime();
    const workers = [
      ...(opts.queues.includes('crawl') ? [startCrawlWorker(rt)] : []),
      ...(opts.queues.includes('article')
        ? [await startArticleWorkers(rt, { besideCrawler: opts.queues.includes('crawl') })]
        : []),
      ...(opts.queues.includes('alert') ? [startAlertWorker(rt)] : []),
    ];
    rt.log.info({ queues: opts.queues }, 'workers started');
    await runUntilSignal(rt, async () => {
      await Promise.all(workers.map((w) => w.close()));
    });
  });

program
  .command('scheduler')
  .description('install one job scheduler per source (cron + jitter) and keep them in sync until stopped')
  .option('--resync-minutes <n>', 'how often to re-apply the schedules', '10')
  .action(async (opts: { resyncMinutes: string }) => {
    const rt = await createRuntime();
    await syncSchedulers(rt);
    const timer = setInterval(
      () => void syncSchedulers(rt).catch((e: unknown) => rt.log.error({ err: String(e) }, 'resync failed')),
      Number(opts.resyncMinutes) * 60_000,
    );
    const stopMaintenance = startMaintenance(rt);
    await runUntilSignal(rt, async () => {
      clearInterval(timer);
      stopMaintenance();
    });
  });

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
      const sources = pickSources(opts.source);
      const since = opts.since ? parseSince(opts.since) : undefined;
      const rt = await createRuntime();
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
          ...(process.stderr.isTTY && !opts.json ? { onProgress: ttyProgress(process.stderr) } : {}),
        });
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

program
  .command('extract')
  .description('print the seed-format text tinwatch would write for saved pages (no Redis needed; any outlet)')
  .argument('<files...>', 'saved HTML pages (- reads one from stdin)')
  .option('--url <url>', 'the URL the page was saved from (default: the canonical URL the page states)')
  .option('--source <id>', 'read with this source file (default: the one covering the URL host, else generic)')
  .option('--json', 'print the extracted fields, the source used and which selectors matched instead')
  .action(async (files: string[], opts: ExtractOptions) => {
    process.exitCode = await runExtract(files, opts, {
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
    });
  });

program
  .command('replay')
  .description('serve recorded pages laid out as DIR/<host>/<path> on 127.0.0.1 and print the origin map')
  .argument('<dir>', 'folder of recorded pages')
  .option('--port <n>', 'port (default: a free one)', '0')
  .action(async (dir: string, opts: { port: string }) => {
    if (!(await stat(dir).catch(() => null))?.isDirectory())
      throw new ConfigError(`replay: ${dir} is not a folder of recorded pages (DIR/<host>/<path>)`);
    const server = await startReplayServer(dir, Number(opts.port));
    const hosts = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    process.stdout.write(`replay server on ${server.url}\n`);
    process.stdout.write(`TINWATCH_ORIGIN_MAP='${JSON.stringify(replayOriginMap(server.url, hosts))}'\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await server.close();
  });

program
  .command('demo')
  .description('run the whole pipeline against the bundled recorded pages and leave the files in the output folder')
  .action(async () => {
    const outDir = process.env.TINWATCH_OUT ?? 'out';
    const { summary, files } = await runDemo(
      outDir,
      undefined,
      process.stderr.isTTY ? ttyProgress(process.stderr) : undefined,
    );
    process.stdout.write(`${formatRunSummary(summary)}\n\nwritten to ${outDir}/articles:\n`);
    for (const f of files) process.stdout.write(`  ${f}\n`);
    process.stdout.write(`manifest: ${outDir}/manifest.jsonl\n`);
  });

const QUEUE_CHOICES = ['crawl', 'article', 'alert'] as const;

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
    const rt = await createRuntime();
    try {
      const items = await listFailed(rt, opts.queue);
      if (opts.json) process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
      else if (items.length === 0) process.stdout.write('no failures\n');
      else for (const i of items) process.stdout.write(`${i.queue}\t${i.id}\t${i.at}\t${i.what}\n\t${i.reason}\n`);
    } finally {
      await rt.close();
    }
  });

program
  .command('retry')
  .description(
    're-queue failed jobs (all, or the given ids); articles whose raw page expired are fetched again by the next crawl',
  )
  .argument('[ids...]', 'job ids (default: every failed job)')
  .addOption(new Option('--queue <names...>', 'queues').choices([...QUEUE_CHOICES]).default([...QUEUE_CHOICES]))
  .action(async (ids: string[], opts: { queue: QueueName[] }) => {
    const rt = await createRuntime();
    try {
      const r = await retryFailed(rt, opts.queue, ids);
      const unknown = ids.filter((id) => !r.requeued.includes(id) && !r.refetch.includes(id));
      if (unknown.length > 0) {
        process.stderr.write(
          `tinwatch: no failed job ${unknown.join(', ')} in the ${opts.queue.join(', ')} queue(s) (tinwatch failed lists them)\n`,
        );
        process.exitCode = 1;
      }
      process.stdout.write(
        `re-queued ${r.requeued.length} job(s)${r.refetch.length ? `; ${r.refetch.length} article(s) will be fetched again on the next crawl` : ''}\n`,
      );
    } finally {
      await rt.close();
    }
  });

async function printRecentSkipped(rt: Runtime, limit: number): Promise<void> {
  const items = await recentSkipped(rt.redis, rt.keys, limit);
  if (items.length === 0) process.stdout.write('no off-topic articles recorded\n');
  for (const i of items) process.stdout.write(`off-topic ${i.source_id} ${i.at}: ${formatSkipped(i)}\n`);
}

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

const sourcesCmd = program.command('sources').description('the configured outlets');

sourcesCmd
  .command('check')
  .description(
    'fetch each feed/listing and one article per source; report links found, which selectors matched, which fell back, and the fields (exit 1 on a problem)',
  )
  .argument('[ids...]', 'source ids (default: all)')
  .option('--json', 'print JSON')
  .action(async (ids: string[], opts: { json?: boolean }) => {
    const sources = pickSources(ids.length ? ids : undefined);
    const originMap = createOriginMap(readEnv().TINWATCH_ORIGIN_MAP ?? {});
    const checks = [];
    for (const s of sources) checks.push(await checkSource(s, originMap));
    process.stdout.write(
      opts.json ? `${JSON.stringify(checks, null, 2)}\n` : `${checks.map(formatSourceCheck).join('\n\n')}\n`,
    );
    if (checks.some((c) => !c.ok)) process.exitCode = 1;
  });

program
  .command('export')
  .description('print the manifest entries after a cursor, for archives that pull what is new')
  .option(
    '--since <seq|date>',
    'the seq of the last article line you pulled, or an ISO date/time (default: everything)',
  )
  .option('--format <jsonl|csv>', 'jsonl (the manifest lines as written) or csv', 'jsonl')
  .option('--with-text', "add each article's text (jsonl: a text field; csv: a text column)")
  .option('--follow', 'then keep printing new entries as they are written, until interrupted')
  .action(async (opts: ExportCommandOptions) => {
    process.exitCode = await runExport(readEnv().TINWATCH_OUT, opts, {
      stdout: process.stdout,
      stderr: process.stderr,
    });
  });

const storage = program.command('storage').description('what the output takes on disk, and retention');

storage
  .command('report')
  .description('disk used per day (Vietnam time) by article texts and WARC captures, totals, and bytes per article')
  .option('--json', 'print JSON')
  .action(async (opts: { json?: boolean }) => {
    const r = await storageReport(readEnv().TINWATCH_OUT);
    process.stdout.write(opts.json ? `${JSON.stringify(r, null, 2)}\n` : `${formatStorageReport(r)}\n`);
  });

storage
  .command('prune')
  .description(
    'delete article texts and closed WARC files past TINWATCH_TEXT_RETENTION_DAYS / TINWATCH_WARC_RETENTION_DAYS (the scheduler does it daily); manifest lines stay',
  )
  .option('--dry-run', 'say what would go, delete nothing')
  .action(async (opts: { dryRun?: boolean }) => {
    const env = readEnv();
    const r = await pruneStorage(
      env.TINWATCH_OUT,
      { textDays: env.TINWATCH_TEXT_RETENTION_DAYS, warcDays: env.TINWATCH_WARC_RETENTION_DAYS },
      { dryRun: opts.dryRun === true },
    );
    process.stdout.write(
      `${opts.dryRun ? 'would delete' : 'deleted'} ${r.textFiles} text file(s) and ${r.warcFiles} WARC file(s), ${(r.bytes / 1024).toFixed(1)} KB\n`,
    );
  });

program
  .command('manifest')
  .description('the manifest (out/manifest.jsonl) that downstream archives read')
  .command('check')
  .description(
    'find damaged lines (a write a full disk cut short); --repair rewrites the manifest without them (stop the workers first). Exit 1 while damage remains',
  )
  .option('--repair', 'rewrite the manifest without the damaged lines')
  .action(async (opts: { repair?: boolean }) => {
    const outDir = readEnv().TINWATCH_OUT;
    const r = await checkManifest(outDir, { repair: opts.repair });
    process.stdout.write(
      `${r.lines} line(s), ${r.damaged.length} damaged${r.repaired ? ', removed' : ''}\n` +
        r.damaged.map((d) => `! line ${d.line}: ${d.start}\n`).join(''),
    );
    if (r.damaged.length > 0 && !r.repaired) process.exitCode = 1;
  });

const dedupe = program.command('dedupe').description('the story index behind duplicate detection');

dedupe
  .command('rebuild')
  .description('rebuild the index from the manifest and the written files (drops the current index first)')
  .option(
    '--retention-days <n>',
    'leave out stories written longer ago than this (default TINWATCH_DEDUPE_RETENTION_DAYS)',
  )
  .action(async (opts: { retentionDays?: string }) => {
    const rt = await createRuntime();
    try {
      const r = await rebuildIndex(rt.redis, rt.keys, rt.outDir, {
        retentionDays: opts.retentionDays ? Number(opts.retentionDays) : rt.env.TINWATCH_DEDUPE_RETENTION_DAYS,
        bucketBits: rt.env.TINWATCH_DEDUPE_BUCKET_BITS,
      });
      process.stdout.write(
        `indexed ${r.indexed} of ${r.articles} stories; ${r.expired} past the retention left out\n` +
          r.missingFiles.map((f) => `! file missing: ${f}\n`).join('') +
          r.hashMismatches.map((f) => `! text changed since written: ${f}\n`).join('') +
          (r.damagedLines
            ? `! ${r.damagedLines} damaged manifest line(s) skipped: run \`tinwatch manifest check --repair\`\n`
            : '') +
          r.wouldMerge
            .map((m) => `! ${m.id} would now count as a copy of ${m.into} (similarity ${m.similarity.toFixed(2)})\n`)
            .join(''),
      );
    } finally {
      await rt.close();
    }
  });

dedupe
  .command('prune')
  .description('give back the memory of index entries past the retention (the scheduler runs this daily)')
  .action(async () => {
    const rt = await createRuntime();
    try {
      const r = await pruneExpired(rt.redis, rt.keys);
      process.stdout.write(
        `scanned ${r.keys} bucket(s), removed ${r.removed} expired entr${r.removed === 1 ? 'y' : 'ies'}\n`,
      );
    } finally {
      await rt.close();
    }
  });

dedupe
  .command('compare')
  .description('whether two article texts (seed-format files) are the same story, decided exactly as the index decides')
  .argument('<a>', 'first file')
  .argument('<b>', 'second file')
  .option('--json', 'print JSON')
  .action(async (a: string, b: string, opts: { json?: boolean }) => {
    const [fa, fb] = await Promise.all(
      [a, b].map(async (f) => fingerprint(null, textBlocksOfFile(await readInputFile(f), null))),
    );
    const v = compareFingerprints(fa!, fb!);
    process.stdout.write(
      opts.json
        ? `${JSON.stringify({ ...v, shingles: [fa!.shingles, fb!.shingles] })}\n`
        : formatComparison(v, fa!, fb!),
    );
  });

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

const relevanceCmd = program.command('relevance').description('the topic classifier (config/topics/*.json)');

relevanceCmd
  .command('explain')
  .description("print each topic profile's verdict on an article, the reason in words and the sentences that decided")
  .argument('[file]', 'a text file in the output format, or a saved HTML page (with --url)')
  .option('--url <url>', 'the page address: fetched when no FILE is given, picks the source for a saved HTML FILE')
  .option('--profile <name>', 'only this topic profile')
  .action(async (file: string | undefined, opts: { url?: string; profile?: string }) => {
    const article = await loadArticleInput({ file, url: opts.url });
    const profiles = opts.profile ? [topicProfile(opts.profile).name] : undefined;
    process.stdout.write(`${explainRelevance(article, profiles)}\n`);
  });

relevanceCmd
  .command('marks')
  .description(
    'print the on/off marks people gave borderline stories on the dashboard, with their text, as JSON lines (labelled examples for npm run eval:relevance -- --marks FILE)',
  )
  .action(async () => {
    const rt = await createRuntime();
    try {
      process.stdout.write(await exportMarks(rt.redis, rt.keys, rt.outDir));
    } finally {
      await rt.close();
    }
  });

alerts
  .command('send-test')
  .description('send a sample alert through one channel now (not through the queue) and report the result')
  .argument('<channel>', 'channel name from config/watchlist.ts')
  .action(async (channelName: string) => {
    const wl = loadWatchlist();
    const cfg = wl.channels[channelName];
    if (!cfg) throw new ConfigError(`unknown channel "${channelName}" (known: ${Object.keys(wl.channels).join(', ')})`);
    const log = createLogger(readEnv().LOG_LEVEL);
    const channel = createChannel(channelName, cfg, (n) => process.env[n], log);
    try {
      await channel.send(renderAlert(SAMPLE_ALERT), `send-test-${Date.now()}`);
      process.stdout.write(`sent a test alert through ${channelName} (${cfg.type})\n`);
    } catch (err) {
      process.stderr.write(`tinwatch: ${channelName} (${cfg.type}) failed: ${(err as Error).message}\n`);
      process.exitCode = 1;
    }
  });

try {
  await program.parseAsync(process.argv);
  // One-shot commands that fetched a page (sources check, alerts test --url) started crawlee's
  // process-wide system-info timer; it would keep the process alive.
  await closeCrawleeEvents();
} catch (err) {
  // A wrong setting or input: one line, exit 2. Anything else: one line, exit 1; the stack only
  // when asked for (LOG_LEVEL=debug or trace), since an ordinary mistake is not a crash.
  const usage = err instanceof ConfigError || err instanceof RedisUnavailableError;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`tinwatch: ${message.split('\n').join('\n  ')}\n`);
  if (!usage && /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '') && err instanceof Error && err.stack)
    process.stderr.write(`${err.stack}\n`);
  process.exit(usage ? 2 : 1);
}
