// What `tinwatch start` tells a person at a terminal before the log lines begin: where the
// dashboard is, which Redis and output folder are in use, what was loaded, and when each source
// is crawled next. Written to stderr, beside the logs; a JSON log stream gets the same facts in
// its "tinwatch started" line instead.
import { redactUrl } from '../../base/url/redact-url.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';

const VN_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export async function startBanner(
  rt: Runtime,
  dashboardUrl: string | null,
  firstCrawlInMs: ReadonlyMap<string, number>,
): Promise<string> {
  const schedulers = await rt.queues.crawl.getJobSchedulers();
  const nextTick = new Map(
    schedulers.map((s) => [String(s.key ?? s.id).replace(/^sched-/, ''), s.next ?? null] as const),
  );
  const rules = rt.alerts.watchlist.rules;
  const channels = [...new Set(rules.flatMap((r) => r.channels))];
  const at = (ms: number): string => `${VN_TIME.format(new Date(ms))} (+07:00)`;
  const now = Date.now();
  const lines = [
    'tinwatch is running — Ctrl-C stops it',
    `  dashboard  ${dashboardUrl ?? 'off (--no-dashboard)'}`,
    `  Redis      ${redactUrl(rt.redisTarget.url)}${rt.redisTarget.embedded ? ' (embedded, data in data/redis)' : ''}`,
    `  output     ${rt.outDir}`,
    `  sources    ${rt.sources.length}; rules ${rules.length} (channels: ${channels.join(', ')})`,
    `  crawls     first crawl now, then on schedule (next tick, before jitter)${rt.env.TINWATCH_FEED_POLLING === 'adaptive' ? '; listings, sitemaps, searches' : ''}:`,
    ...rt.sources.map((s) => {
      const first = firstCrawlInMs.get(s.id);
      const next = nextTick.get(s.id);
      return `    ${s.id.padEnd(18)} first ${first === undefined ? '—' : `in ${Math.round(first / 1000)} s`}, next ${next ? at(next) : '—'} (${s.schedule.cron})`;
    }),
    feedLine(rt),
    `  started    ${at(now)}`,
  ];
  return `${lines.join('\n')}\n`;
}

function feedLine(rt: Runtime): string {
  const feeds = rt.sources.reduce((n, s) => n + s.discovery.feeds.length, 0);
  if (rt.env.TINWATCH_FEED_POLLING !== 'adaptive')
    return `  feeds      ${feeds}, read by the scheduled crawls (TINWATCH_FEED_POLLING=off)`;
  return `  feeds      ${feeds}, each polled from now on every 1–${rt.env.TINWATCH_FEED_POLL_MAX_MINUTES} min by how often it publishes (one feed request a minute per host at most)`;
}
