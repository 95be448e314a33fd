// /accounting: where every URL each source discovered on a day ended (the URL ledger), the same
// table as `tinwatch report`, with the reasons behind failed, deferred, refused and off-topic URLs.
import type { Hono } from 'hono';
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { vietnamDay } from '../../src/stats/selector-rot.js';
import { BUCKETS, UrlLedger, type DayAccount } from '../../src/stats/url-ledger.js';
import { layout } from './dashboard-pages.js';

function accountingPage(day: string, rows: DayAccount[]): string {
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
<table id="accounting"><tr>${head.join('')}</tr>${body.join('\n')}</table>`,
  );
}

export function registerAccountingRoutes(app: Hono, rt: Runtime): void {
  app.get('/accounting', async (c) => {
    const asked = c.req.query('day');
    const day = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : vietnamDay();
    const ledger = new UrlLedger(rt.redis, rt.keys);
    return c.html(accountingPage(day, await Promise.all(rt.sources.map((s) => ledger.day(s.id, day)))));
  });
}
