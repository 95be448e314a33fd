// A story's page: the article as first written, then every outlet that carried a copy, with its
// URL, time and how alike the copy is (the similarity and containment the dedupe rule saw).
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import type { StoryCarrier } from '../../src/dedupe/story-carriers.js';
import { layout } from './dashboard-pages.js';
import type { ManifestArticle } from './latest-articles.js';

/** Only http(s) addresses become links: a page's URL is outlet-controlled text. */
function link(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${e(url)}">${e(url)}</a>` : e(url);
}

const num = (x: number | null): string => (x === null ? '–' : x.toFixed(2));

export function storyPage(story: ManifestArticle, carriers: StoryCarrier[]): string {
  const first = `<tr class="first"><td>${e(story.outlet)}</td><td>${link(story.url)}</td><td>${e(story.published_at ?? '')}</td><td>${e(story.fetched_at ?? '')}</td><td>first written</td><td class="num">1.00</td><td class="num">1.00</td></tr>`;
  const rows = carriers.map(
    (c) =>
      `<tr class="copy" data-id="${e(c.id)}"><td>${e(c.outlet)}</td><td>${link(c.url)}</td><td>${e(c.published_at ?? '')}</td><td>${e(c.fetched_at ?? '')}</td><td>${e(c.kind ?? '')} copy</td><td class="num">${num(c.similarity)}</td><td class="num">${num(c.containment)}</td></tr>`,
  );
  const outlets = new Set([story.outlet, ...carriers.map((c) => c.outlet)]).size;
  return layout(
    story.title,
    `<h1>${e(story.title)}</h1>
<p class="muted">Carried by ${outlets} outlet${outlets === 1 ? '' : 's'} (${1 + carriers.length} page${carriers.length ? 's' : ''}) · <a href="/${e(story.file)}">the text as written</a></p>
<table id="carriers"><thead><tr><th>outlet</th><th>URL</th><th>published</th><th>fetched</th><th>match</th><th class="num">similarity (Jaccard)</th><th class="num">containment</th></tr></thead>
<tbody>${[first, ...rows].join('\n')}</tbody></table>`,
  );
}
