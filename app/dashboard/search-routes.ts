// The dashboard's pages for finding and judging: /search (src/search: the written articles,
// filtered and searched with the watch-rule language) and /skipped (the off-topic list, with a
// "this was on topic" mark). Reading is GET; the mark is a POST that dashboardGuard lets through
// only from the dashboard's own pages (or with the token).
import type { Hono } from 'hono';
import { ConfigError } from '../../config/errors.js';
import { draftRule } from '../../config/watchlist-schema.js';
import { recentSkipped, SKIPPED_KEEP } from '../../pipeline/article/skipped-articles.js';
import { listMarks, saveMark } from '../../src/relevance/relevance-marks.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { searchArticles, type ArticleFilter } from '../../src/search/article-search.js';
import { ManifestIndex, type WrittenArticle } from '../../src/search/manifest-index.js';
import { SyllableIndex } from '../../src/search/syllable-index.js';
import { searchLimiter } from './search-limiter.js';
import { searchPage, type SearchForm } from './search-page.js';
import { skippedPage } from './skipped-page.js';
import { DAY_PATTERN } from '../../src/text/vietnam-time.js';

const PAGE_SIZE = 25;
/** A search's time: past it the page shows what was found and says the search was cut short. */
export const SEARCH_BUDGET_MS = 2_000;
const SKIPPED_PAGE_SIZE = 50;

function pageNumber(raw: string | undefined): number {
  const n = Number(raw ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export function registerSearchRoutes(app: Hono, rt: Runtime): void {
  const index = new ManifestIndex(rt.outDir);
  const syllables = new SyllableIndex(rt.outDir);
  // Brought up to date in the background: a search never waits for it (rows not yet indexed are
  // read as before, within the time budget).
  const refresh = (): Promise<readonly WrittenArticle[]> =>
    index.articles().then((rows) => {
      syllables.update(rows).catch((err: Error) => rt.log.warn({ err: err.message }, 'search index update failed'));
      return rows;
    });
  void refresh().catch(() => undefined);

  app.get('/search', searchLimiter(), async (c) => {
    const q = (name: string): string => (c.req.query(name) ?? '').trim().slice(0, 1_000);
    const form: SearchForm = {
      q: q('q'),
      outlet: q('outlet'),
      rule: q('rule'),
      from: q('from'),
      to: q('to'),
      borderline: c.req.query('borderline') === 'on',
      exact: c.req.query('exact') === 'on',
      page: pageNumber(c.req.query('page')),
    };
    let error: string | null = null;
    const filter: ArticleFilter = {
      ...(form.outlet ? { outlet: form.outlet } : {}),
      ...(form.rule ? { rule: form.rule } : {}),
      ...(form.borderline ? { borderlineOnly: true } : {}),
    };
    for (const key of ['from', 'to'] as const) {
      if (!form[key]) continue;
      if (DAY_PATTERN.test(form[key])) filter[key] = form[key];
      else error = `${key}: "${form[key]}" is not a day (YYYY-MM-DD)`;
    }
    if (form.q) {
      try {
        // Diacritic-free unless asked for exact tones, as `alerts backtest --diacritic-free`.
        filter.query = draftRule(form.q, { diacriticFree: !form.exact });
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        error = `query: ${err.message.replace(/^query: /, '')}`;
      }
    }
    const result = error
      ? null
      : await searchArticles(
          rt.outDir,
          await refresh(),
          filter,
          { offset: (form.page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
          {
            deadline: Date.now() + SEARCH_BUDGET_MS,
            ...(filter.query ? { mayMatch: syllables.mayMatch(filter.query) } : {}),
          },
        );
    return c.html(
      searchPage({
        form,
        outlets: rt.sources.map((s) => ({ id: s.id, name: s.name })),
        rules: rt.alerts.watchlist.rules.map((r) => r.name),
        result,
        error,
        pageSize: PAGE_SIZE,
        now: Date.now(),
      }),
      error ? 400 : 200,
    );
  });

  app.get('/skipped', async (c) => {
    const page = pageNumber(c.req.query('page'));
    const all = await recentSkipped(rt.redis, rt.keys, SKIPPED_KEEP);
    const marks = new Map((await listMarks(rt.redis, rt.keys)).map((m) => [m.id, m.label]));
    const items = all
      .slice((page - 1) * SKIPPED_PAGE_SIZE, page * SKIPPED_PAGE_SIZE)
      .map((s) => ({ ...s, mark: marks.get(s.id) ?? null }));
    return c.html(skippedPage(items, { number: page, more: all.length > page * SKIPPED_PAGE_SIZE }, Date.now()));
  });

  app.post('/skipped/mark', async (c) => {
    const form = await c.req.parseBody();
    const id = String(form.id ?? '');
    const label = String(form.label ?? '');
    if (label !== 'on' && label !== 'off') return c.text('label must be on or off', 400);
    const entry = (await recentSkipped(rt.redis, rt.keys, SKIPPED_KEEP)).find((s) => s.id === id);
    if (!entry) return c.text('no skipped article with that id', 404);
    await saveMark(rt.redis, rt.keys, {
      id,
      label,
      marked_at: new Date().toISOString(),
      file: null,
      url: entry.url,
      title: entry.title,
      profile: entry.profile ?? null,
      score: entry.score,
    });
    return c.redirect(`/skipped#${encodeURIComponent(id)}`, 303);
  });
}
