// GET /brief/<day>: the daily briefing page, the same page `tinwatch brief` writes, with its
// stories linked to their dashboard pages; GET /brief: the newest day's. GET /thread/<id>: one
// thread's timeline. Read-only pages: the dashboard's guards (Host, token, frames) apply as to
// every page, and the briefing's own policy forbids scripts and fetching anything.
import type { Hono } from 'hono';
import { isCalendarDay } from '../../src/brief/brief-days.js';
import { gatherBrief } from '../../src/brief/gather-brief.js';
import { renderBrief } from '../../src/brief/render-brief.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { readStoryLeads, threadOf } from '../../src/thread/index.js';
import { briefStoresOf } from '../brief/brief-stores.js';
import { threadPage } from './thread-page.js';

/** The briefing is self-contained: no script runs, nothing is fetched, styles are inline. */
export const BRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function registerBriefRoutes(app: Hono, rt: Runtime): void {
  app.get('/brief', async (c) => {
    const brief = await gatherBrief(briefStoresOf(rt));
    return c.redirect(`/brief/${brief.day}`, 302);
  });

  app.get('/brief/:day', async (c) => {
    const day = c.req.param('day');
    if (!isCalendarDay(day)) return c.text('not a day (YYYY-MM-DD)', 404);
    const rule = c.req.query('rule');
    if (rule !== undefined && !rt.alerts.watchlist.rules.some((r) => r.name === rule))
      return c.text('no watch rule by that name', 404);
    const brief = await gatherBrief(briefStoresOf(rt), { day, ...(rule ? { rule } : {}) });
    c.header('Content-Security-Policy', BRIEF_CSP);
    return c.html(renderBrief(brief, { links: 'dashboard', ...(rule ? { rule } : {}) }));
  });

  app.get('/thread/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f]{16}$/.test(id)) return c.text('not found', 404);
    const thread = await threadOf(rt.outDir, id);
    if (!thread) return c.text('no story with that id', 404);
    const leads = await readStoryLeads(rt.outDir, thread.stories);
    return c.html(threadPage(thread, leads));
  });
}
