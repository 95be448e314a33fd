// The dashboard's search page: the filters (query in the rule language, outlet, rule, Vietnam
// days, borderline only) as a GET form, so a search is a link people can share and bookmark, and
// the hits with the matched words highlighted, newest written first, a page at a time.
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import type { SearchPage } from '../../src/search/article-search.js';
import { layout } from './dashboard-pages.js';
import { pagingNav, quoteHtml, timeCell } from './html-parts.js';

export interface SearchForm {
  q: string;
  outlet: string;
  rule: string;
  from: string;
  to: string;
  borderline: boolean;
  /** Tones must match as typed; off by default: a toneless query finds toned text, as --diacritic-free does. */
  exact: boolean;
  page: number;
}

export interface SearchView {
  form: SearchForm;
  outlets: { id: string; name: string }[];
  rules: string[];
  result: SearchPage | null;
  /** Why the search could not run (a query syntax error, a bad day), shown above the form. */
  error: string | null;
  pageSize: number;
  now: number;
}

/** The address of page `page` of this search: the form's fields, defaults left out. */
function searchHref(form: SearchForm, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...form, page })) {
    if (k === 'borderline' || k === 'exact') {
      if (v) p.set(k, 'on');
    } else if (v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  }
  return `/search?${p.toString()}`;
}

const select = (name: string, chosen: string, options: [string, string][]): string =>
  `<select name="${name}"><option value="">any</option>${options
    .map(([v, label]) => `<option value="${e(v)}"${v === chosen ? ' selected' : ''}>${e(label)}</option>`)
    .join('')}</select>`;

export function searchPage(v: SearchView): string {
  const f = v.form;
  const form = `<form method="get" action="/search" id="search-form">
<p><input type="search" name="q" value="${e(f.q)}" size="60" placeholder='"tập trận" AND (Seoul OR "Hàn Quốc")' autofocus>
<button type="submit">Search</button></p>
<p>outlet ${select(
    'outlet',
    f.outlet,
    v.outlets.map((o) => [o.id, o.name]),
  )}
 rule ${select(
   'rule',
   f.rule,
   v.rules.map((r) => [r, r]),
 )}
 from <input type="date" name="from" value="${e(f.from)}"> to <input type="date" name="to" value="${e(f.to)}">
 <label><input type="checkbox" name="borderline" value="on"${f.borderline ? ' checked' : ''}> borderline only</label>
 <label><input type="checkbox" name="exact" value="on"${f.exact ? ' checked' : ''}> tones exactly as typed</label></p>
<p class="muted">The query language of the watch rules — words, "phrases", AND, OR, NOT, ( ), NEAR/n — with
their folding (case, tone placement, i/y do not matter; a query without tones finds toned text — "tap tran" finds "tập trận" — unless "tones exactly as typed" is ticked). Days are Vietnam time. Save a query as a rule in
config/watchlist.yaml; it is picked up on save.</p></form>`;
  const error = v.error ? `<p class="bad" id="search-error">${e(v.error)}</p>` : '';
  let results = '';
  if (v.result) {
    const r = v.result;
    const rows = r.hits
      .map(({ article: a, match }) => {
        const quote = match ? quoteHtml(match) : '';
        return `<tr data-story="${e(a.id)}"><td><a class="article-link" href="/story/${e(a.id)}">${e(a.title)}</a>${quote}</td>
<td>${e(a.outlet)}</td><td>${timeCell(a.published_at, v.now)}</td><td>${e(a.matched_rules.join(', '))}</td>
<td>${a.relevance?.borderline ? 'borderline' : 'on'}</td></tr>`;
      })
      .join('\n');
    const first = (f.page - 1) * v.pageSize;
    const shown = r.hits.length ? `${first + 1}–${first + r.hits.length}` : '0';
    results = `<p id="search-count">${shown} of the matching articles${r.more ? ' (more on the next page)' : ''}${
      r.textMissing ? `; ${r.textMissing} texts removed by retention not searched` : ''
    }${
      r.cutShort
        ? '; <span id="search-cut-short">the search stopped at its time limit: narrow it (outlet, dates) to see all</span>'
        : ''
    }</p>
<table id="results"><tr><th>Title</th><th>Outlet</th><th>Published</th><th>Rules fired</th><th>Topic</th></tr>
${rows || '<tr><td colspan="5" class="muted">nothing matches</td></tr>'}</table>
${pagingNav(f.page, r.more, (n) => searchHref(f, n))}`;
  }
  return layout('tinwatch: search', `<h1>Search the written articles</h1>${error}${form}${results}`);
}
