// /accounting: where every URL each source discovered on a day ended (the URL ledger), the same
// table as `tinwatch report`, with the reasons behind failed, deferred, refused and off-topic URLs.
import type { Hono } from 'hono';
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import { vietnamDay } from '../../src/stats/selector-rot.js';
import { BUCKETS, UrlLedger, type DayAccount } from '../../src/stats/url-ledger.js';
import { layout } from './dashboard-pages.js';
import { freshness, type Freshness, type FreshnessDeps } from './freshness.js';
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';

/** What the page reads. */
export interface AccountingDeps extends FreshnessDeps {
  redis: Redis;
  keys: Keys;
}

const mins = (x: number | null): string => (x === null ? '–' : x < 10 ? x.toFixed(1) : String(Math.round(x)));

function freshnessTable(rows: Freshness[]): string {
  const body = rows
    .map(
      (f) =>
        `<tr data-source="${e(f.source)}"><td>${e(f.source)}</td><td class="num">${f.written.n}</td><td class="num">${mins(f.written.median)}</td><td class="num">${mins(f.written.p90)}</td><td class="num">${f.alerted.n}</td><td class="num">${mins(f.alerted.median)}</td><td class="num">${mins(f.alerted.p90)}</td></tr>`,
    )
    .join('\n');
  return `<h2>Freshness, last 24 h</h2>
<p class="muted">Minutes from publication (the page's or its feed's date) to the story written, and to its first alert sent.</p>
<table id="freshness"><tr><th>Source</th><th class="num">Written</th><th class="num">Median</th><th class="num">p90</th><th class="num">Alerted</th><th class="num">Median</th><th class="num">p90</th></tr>${body}</table>`;
}

function accountingPage(day: string, rows: DayAccount[], fresh: Freshness[]): string {
  const head = ['Source', 'Discovered', ...BUCKETS].map((h, i) => `<th${i ? ' class="num"' : ''}>${e(h)}</th>`);
  const body = rows.map((r) => {
    const why = (['failed', 'deferred', 'rejected', 'off-topic', 'stale'] as const)
      .filter((b) => r.details[b])
      .map(
        (b) =>
          `${b}: ${Object.entries(r.details[b]!)
            .map(([w, n]) => `${n}× ${w}`)
            .slice(0, 3)
            .join('; ')}`,
      );
    const cells = [r.discovered, ...BUCKETS.map((b) => r.counts[b])].map((n) => `<td class="num">${n}</td>`);
    const reasons = why.length
      ? `<tr class="muted"><td></td><td colspan="${BUCKETS.length + 1}">${e(why.join(' · '))}</td></tr>`
      : '';
    return `<tr data-source="${e(r.source)}"><td>${e(r.source)}</td>${cells.join('')}</tr>${reasons}`;
  });
  return layout(
    `tinwatch — accounting ${day}`,
    `<h1>Every URL discovered on ${e(day)} and where it ended</h1>
<p class="muted">Vietnam day. Each URL is in exactly one bucket; "in-progress" drains as article jobs finish. Same figures: <code>tinwatch report --day ${e(day)}</code>, and <code>tinwatch_urls_today</code> in /metrics.</p>
<form method="get"><input name="day" value="${e(day)}" pattern="\\d{4}-\\d{2}-\\d{2}"> <button type="submit">show</button></form>
<table id="accounting"><tr>${head.join('')}</tr>${body.join('\n')}</table>
${freshnessTable(fresh)}`,
  );
}

export function registerAccountingRoutes(app: Hono, rt: AccountingDeps): void {
  app.get('/accounting', async (c) => {
    const asked = c.req.query('day');
    const day = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : vietnamDay();
    const ledger = new UrlLedger(rt.redis, rt.keys);
    const rows = await Promise.all(rt.sources.map((s) => ledger.day(s.id, day)));
    return c.html(accountingPage(day, rows, await freshness(rt)));
  });
}
