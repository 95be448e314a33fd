// A story's page: the article as first written, then every outlet that carried a copy, with its
// URL, time and how alike the copy is (the similarity and containment the dedupe rule saw), and
// its thread: the related stories before and after it (follow-ups, a column's other days, other
// reports of the event).
import { escapeHtml as e } from '../../src/alert/alert-content.js';
import type { StoryCarrier } from '../../src/dedupe/story-carriers.js';
import type { AlertMatch } from '../../src/match/match-sentence.js';
import { layout } from './dashboard-pages.js';
import { exactTime, outletLink, partialMark, quoteHtml } from './html-parts.js';
import type { ManifestArticle } from './latest-articles.js';
import type { StoryHistory } from './story-history.js';
import type { StoryThread, ThreadStory } from './story-thread.js';

const KIND_WORDS: Record<ThreadStory['kind'], [string, string]> = {
  'follow-up': ['follows up', 'followed up by'],
  'same-series': ['same series as', 'same series, later'],
  'same-event': ['same event as', 'same event, reported later by'],
};

/** The thread: earlier related stories, this one, later ones, each linked to its page. */
function threadHtml(thread: StoryThread): string {
  const row = (t: ThreadStory, when: 0 | 1): string =>
    `<li class="${when ? 'later' : 'earlier'}" data-id="${e(t.id)}" data-kind="${e(t.kind)}">${e(KIND_WORDS[t.kind][when])} <a href="/story/${e(t.id)}">${e(t.title ?? `story ${t.id} (removed by storage retention)`)}</a>${t.outlet ? ` · ${e(t.outlet)}` : ''} · ${exactTime(t.published_at)} · similarity ${num(t.similarity)}</li>`;
  if (thread.earlier.length + thread.later.length === 0)
    return '<p class="muted" id="story-thread">no related stories</p>';
  return `<ol id="story-thread">${[...thread.earlier.map((t) => row(t, 0)), '<li class="this"><strong>this story</strong></li>', ...thread.later.map((t) => row(t, 1))].join('')}</ol>`;
}

/** Every revision after the first: when it was fetched, why, what changed, the word diff, its text. */
function editsHtml(h: StoryHistory): string {
  if (h.edits.length === 0) return '<p class="muted" id="story-edits">no edits seen since it was first written</p>';
  const row = (x: StoryHistory['edits'][number]): string => {
    const parts = [
      x.changed.title ? `headline: “${e(x.changed.title.before ?? '')}” → “${e(x.changed.title.after ?? '')}”` : '',
      x.changed.lead ? 'lead' : '',
      x.changed.body ? 'body' : '',
      x.changed.author ? `byline: ${e(x.changed.author.before ?? '–')} → ${e(x.changed.author.after ?? '–')}` : '',
    ].filter(Boolean);
    const examples = x.diff.examples.map((d) => `<li><del>${e(d.before)}</del> <ins>${e(d.after)}</ins></li>`).join('');
    return `<tr data-revision="${x.revision}"><td class="num">${x.revision}</td><td>${exactTime(x.fetched_at)}</td><td>${x.detected_by === 'relisted' ? 'listed again' : 'scheduled re-check'}</td><td>${parts.join('; ')}</td><td>${e(x.diff.summary)}${examples ? `<ul class="diff">${examples}</ul>` : ''}</td><td><a href="/${e(x.file)}">text</a></td></tr>`;
  };
  return `<table id="story-edits"><thead><tr><th class="num">revision</th><th>fetched</th><th>why fetched</th><th>changed</th><th>words</th><th></th></tr></thead><tbody>${h.edits.map(row).join('')}</tbody></table>`;
}

/** Why the text is not shown: pruned (when and why, from the tombstone), or missing. */
function missingText(h: StoryHistory): string {
  if (!h.pruned?.text)
    return '<p class="muted" id="story-text-missing">missing from the output folder (no tombstone says it was pruned)</p>';
  return `<p class="muted" id="story-text-pruned">pruned ${exactTime(h.pruned.removed_at)}: ${e(h.pruned.reason)}</p>`;
}

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
  thread: StoryThread = { earlier: [], later: [] },
  history: StoryHistory = { edits: [], pruned: null },
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
<h2>Edit history</h2>
${editsHtml(history)}
<h2>Thread</h2>
${threadHtml(thread)}
<p><a id="thread-link" href="/thread/${e(story.id)}">the thread's timeline: who reported first, who picked it up when</a></p>
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
${text === null ? missingText(history) : `<pre id="story-text">${e(text)}</pre>`}`,
  );
}
