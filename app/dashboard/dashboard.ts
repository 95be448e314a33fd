// `tinwatch dashboard`: bull-board for the queues, tinwatch's own pages (latest articles, alerts,
// source health), /metrics for Prometheus. Listens on 127.0.0.1 by default; bound anywhere else
// it refuses to start without TINWATCH_DASHBOARD_TOKEN. dashboard-guard.ts checks every request
// first: the Host, the token whenever one is set, and same-origin for anything state-changing.
import { selectorRot } from '../../src/stats/selector-rot.js';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { ConfigError } from '../../config/errors.js';
import { articlesDir } from '../../src/write/article-files.js';
import { articlePage, overviewPage, type AlertRow } from './dashboard-pages.js';
import { latestArticles } from './latest-articles.js';
import { listMarks, saveMark } from '../../src/relevance/relevance-marks.js';
import { createMetricsRegistry } from './metrics.js';
import { errorCount } from './source-health.js';
import { registerAccountingRoutes } from './accounting-page.js';
import { freshness } from './freshness.js';
import { UrlLedger } from '../../src/stats/url-ledger.js';
import { HostPolicy } from '../../crawlers/host-policy.js';
import { registerCrawlNowRoute } from './crawl-now-route.js';
import { registerFeedRoutes } from './feed-routes.js';
import { registerSearchRoutes } from './search-routes.js';
import { registerStoryRoute } from './story-route.js';
import { dashboardGuard, type GuardOptions } from './dashboard-guard.js';
import { frameGuard } from './frame-guard.js';

export interface DashboardOptions {
  host?: string;
  port?: number;
  token?: string;
  /** Host names besides the bound address (default TINWATCH_DASHBOARD_HOSTS, comma-separated). */
  allowedHosts?: string[];
}

export interface Dashboard {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const HEALTH_TIMEOUT_MS = 800;

async function alertRows(rt: Runtime, state: 'completed' | 'failed'): Promise<AlertRow[]> {
  const jobs = await rt.queues.alert.getJobs([state], 0, 49, false);
  return jobs.map((j) => {
    const d = j.data as {
      kind: string;
      channel: string;
      rule?: string;
      item?: { rule: string; story: { title: string } };
    };
    return {
      id: j.id ?? '',
      rule: d.item?.rule ?? d.rule ?? '',
      channel: d.channel,
      title: d.item?.story.title ?? (d.kind === 'digest' ? 'digest' : ''),
      at: new Date(j.finishedOn ?? j.timestamp).toISOString(),
      reason: j.failedReason,
    };
  });
}

export function dashboardApp(rt: Runtime, guard: GuardOptions): Hono {
  const app = new Hono();
  app.use('*', frameGuard());
  app.use('*', dashboardGuard(guard));

  const board = new HonoAdapter(serveStatic);
  createBullBoard({
    queues: [
      new BullMQAdapter(rt.queues.crawl),
      new BullMQAdapter(rt.queues.article),
      new BullMQAdapter(rt.queues.alert),
    ],
    serverAdapter: board,
  });
  board.setBasePath('/queues');
  app.route('/queues', board.registerPlugin());

  const ids = rt.sources.map((s) => s.id);
  const ledger = new UrlLedger(rt.redis, rt.keys);
  const registry = createMetricsRegistry(rt.stats, rt.queues, ids, ledger, () => freshness(rt));
  const hostPolicy = new HostPolicy(rt, 0);
  app.get('/metrics', async (c) => c.text(await registry.metrics(), 200, { 'content-type': registry.contentType }));
  // Answers within a second whatever Redis does: while Redis is away, ioredis holds commands
  // until it is back, and a health check that waits with them tells a supervisor nothing.
  app.get('/healthz', async (c) => {
    const redisUp = await Promise.race([
      rt.redis.ping().then(
        (r) => r === 'PONG',
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS).unref()),
    ]);
    return c.json({ ok: redisUp, redis: redisUp ? 'up' : 'unreachable' }, redisUp ? 200 : 503);
  });

  app.get('/', async (c) => {
    // One read of the manifest tail serves both the latest list and the borderline list.
    const recent = await latestArticles(rt.outDir, 5_000);
    const latest = recent.slice(0, 50);
    const articles = await Promise.all(
      latest.map(async (a) => ({ ...a, storySize: 1 + (await rt.redis.scard(rt.keys.storyOutlets(a.id))) })),
    );
    const counters = await rt.stats.counters();
    const rot = await selectorRot(
      rt.stats,
      rt.sources.map((s) => s.id),
    );
    const sources = await Promise.all(
      rt.sources.map(async (s) => ({
        id: s.id,
        name: s.name,
        health: await rt.stats.health(s.id),
        paused: (
          await Promise.all(
            s.hosts.map(async (h) => {
              const until = await hostPolicy.pausedUntil(h);
              return until ? `${h} until ${until.toISOString()}` : null;
            }),
          )
        ).filter((x): x is string => x !== null),
        fallbacks: counters
          .filter((x) => x.name === 'extraction_fallbacks' && x.labels[0] === s.id)
          .reduce((a, x) => a + x.value, 0),
        rot: rot.get(s.id)!,
        errors: errorCount(counters, s.id),
      })),
    );
    const marks = new Map((await listMarks(rt.redis, rt.keys)).map((m) => [m.id, m.label]));
    const borderline = recent
      .filter((a) => a.relevance?.borderline)
      .slice(0, 100)
      .map((a) => ({ ...a, mark: marks.get(a.id) ?? null }));
    return c.html(
      overviewPage({
        borderline,
        articles,
        sources,
        alertsSent: await alertRows(rt, 'completed'),
        alertsFailed: await alertRows(rt, 'failed'),
        rules: rt.alerts.watchlist.rules.map((r) => r.name),
      }),
    );
  });

  // A person's on/off mark on a borderline story: state-changing, so dashboardGuard lets it
  // through only from the dashboard's own pages (or with the token).
  app.post('/relevance/mark', async (c) => {
    const form = await c.req.parseBody();
    const id = String(form.id ?? '');
    const label = String(form.label ?? '');
    if (label !== 'on' && label !== 'off') return c.text('label must be on or off', 400);
    const entry = (await latestArticles(rt.outDir, 5_000)).find((a) => a.id === id && a.relevance?.borderline);
    if (!entry) return c.text('no borderline story with that id', 404);
    await saveMark(rt.redis, rt.keys, {
      id,
      label,
      marked_at: new Date().toISOString(),
      file: entry.file,
      url: entry.url,
      title: entry.title,
      profile: entry.relevance?.profile ?? null,
      score: entry.relevance?.score ?? null,
    });
    return c.redirect('/#borderline', 303);
  });

  registerCrawlNowRoute(app, rt);
  registerFeedRoutes(app, rt);
  registerSearchRoutes(app, rt);
  registerStoryRoute(app, rt);
  registerAccountingRoutes(app, rt);

  app.get('/articles/:file', async (c) => {
    const file = c.req.param('file');
    // Only names tinwatch itself writes: no path can escape the articles folder.
    if (!/^\d{3,}_[0-9a-f]{16}\.txt$/.test(file)) return c.text('not found', 404);
    let text: string;
    try {
      text = await readFile(path.join(articlesDir(rt.outDir), file), 'utf8');
    } catch {
      return c.text('not found', 404);
    }
    const entry = (await latestArticles(rt.outDir, 5_000)).find((a) => a.file === `articles/${file}`);
    if (c.req.query('raw') !== undefined) return c.text(text);
    return c.html(articlePage(file, text, entry));
  });
  return app;
}

export async function startDashboard(rt: Runtime, opts: DashboardOptions = {}): Promise<Dashboard> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? rt.env.TINWATCH_DASHBOARD_TOKEN;
  if (!LOOPBACK.has(host) && !token) {
    throw new ConfigError(
      `the dashboard binds to ${host}, beyond this machine: set TINWATCH_DASHBOARD_TOKEN (bull-board has no authentication of its own)`,
    );
  }
  // The token is honoured whenever it is set, on loopback too.
  const allowedHosts = opts.allowedHosts ?? rt.env.TINWATCH_DASHBOARD_HOSTS;
  const app = dashboardApp(rt, { boundHost: host, loopback: LOOPBACK.has(host), allowedHosts, token });
  const port = opts.port ?? 8090;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(s));
    // A port already taken is a setting to change, said in one line, not an unhandled 'error' event.
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new ConfigError(
              `dashboard: port ${port} on ${host} is already in use (another tinwatch?); choose one with --dashboard-port`,
            )
          : err.code === 'EACCES'
            ? new ConfigError(
                `dashboard: not allowed to listen on ${host}:${port}; choose a port above 1023 with --dashboard-port`,
              )
            : err,
      ),
    );
  });
  const addr = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${addr.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
