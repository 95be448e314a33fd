// A story's page: the article as first written, then every outlet that carried a copy, with its
// URL, time and how alike the copy is (the similarity and containment the dedupe rule saw).
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import type { StoryCarrier } from '../../src/dedupe/story-carriers.js';
import type { AlertMatch } from '../../src/match/match-sentence.js';
import { layout } from './dashboard-pages.js';
import { exactTime, outletLink, partialMark, quoteHtml } from './html-parts.js';
import type { ManifestArticle } from './latest-articles.js';

const num = (x: number | null): string => (x === null ? '–' : x.toFixed(2));

/** A rule the story fired, with the sentence it matched in (highlighted), as the alert quoted it. */
export interface StoryRule {
  name: string;
  query: string;
  match: AlertMatch | null;
}

export function storyPage(
  story: ManifestArticle,
  carriers: StoryCarrier[],
  rules: StoryRule[] = [],
  text: string | null = null,
): string {
  const first = `<tr class="first"><td>${e(story.outlet)}</td><td>${outletLink(story.url)}</td><td>${exactTime(story.published_at)}</td><td>${exactTime(story.fetched_at)}</td><td>first written</td><td class="num">1.00</td><td class="num">1.00</td></tr>`;
  const rows = carriers.map(
    (c) =>
      `<tr class="copy" data-id="${e(c.id)}"><td>${e(c.outlet)}</td><td>${outletLink(c.url)}</td><td>${exactTime(c.published_at)}</td><td>${exactTime(c.fetched_at)}</td><td>${e(c.kind ?? '')} copy</td><td class="num">${num(c.similarity)}</td><td class="num">${num(c.containment)}</td></tr>`,
  );
  const outlets = new Set([story.outlet, ...carriers.map((c) => c.outlet)]).size;
  return layout(
    story.title,
    `<h1>${e(story.title)}</h1>
<p class="muted">Carried by ${outlets} outlet${outlets === 1 ? '' : 's'} (${1 + carriers.length} page${carriers.length ? 's' : ''}) · <a href="/${e(story.file)}">the text as written</a>${partialMark(story)}</p>
<table id="carriers"><thead><tr><th>outlet</th><th>URL</th><th>published</th><th>fetched</th><th>match</th><th class="num">similarity (Jaccard)</th><th class="num">containment</th></tr></thead>
<tbody>${[first, ...rows].join('\n')}</tbody></table>
<h2>Watch rules it fired</h2>
<ul id="story-rules">${
      rules.length
        ? rules
            .map(
              (r) =>
                `<li><strong>${e(r.name)}</strong> <code>${e(r.query)}</code>${r.match ? quoteHtml(r.match) : ''}</li>`,
            )
            .join('')
        : '<li class="muted">none</li>'
    }</ul>
<h2>The text as written</h2>
${text === null ? '<p class="muted">removed by storage retention</p>' : `<pre id="story-text">${e(text)}</pre>`}`,
  );
}
