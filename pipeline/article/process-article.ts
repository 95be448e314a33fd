// The article job: extract → relevance → dedupe → write (or skip, or record the copy). A plain
// function over its data and dependencies; the BullMQ wiring is in workers/article-worker.ts.
// Expected outcomes (off-topic, duplicate) are returned; a page that can never be extracted is an
// UnrecoverableError with its reason (the failed list shows it); anything else throws and is
// retried with backoff.
import { UnrecoverableError } from 'bullmq';
import { claimStory } from '../../src/dedupe/dedupe-index.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import type { ArticleJobData, ArticleOutcome } from '../../base/queues.js';
import { classifyTopics } from '../../src/relevance/classify-topics.js';
import { timed } from '../../src/stats/stage-timings.js';
import { inflateRaw, storyStateAndRaw } from './job-state.js';
import { recheckStory } from './recheck-story.js';
import { recordDuplicate } from './record-duplicate.js';
import { skipOffTopic } from './skip-off-topic.js';
import { skipStale, staleDates } from './skip-stale.js';
import type { ArticleDeps } from './article-deps.js';
import { writeStory } from './write-story.js';

export async function processArticle(data: ArticleJobData, deps: ArticleDeps): Promise<ArticleOutcome> {
  // A written story fetched again: compared with its latest revision, never written anew.
  if (data.recheck) return recheckStory(data, deps);
  const source = deps.sourceById(data.sourceId);
  const t = deps.timings;
  const state = await timed(t, 'load raw page', () => storyStateAndRaw(deps, data));
  // A repeat of a job whose writes all landed (its worker died before completing it) reports what
  // the first attempt did, so a run's summary counts what was really written.
  if (state.earlier) return state.earlier;
  if (state.done) return { outcome: 'already-written', storyId: data.storyId };
  const rawPage = inflateRaw(data.rawKey, state.raw);
  const res = await timed(t, 'extract + normalize', () => extractArticle(rawPage.toString('utf8'), data.url, source));
  if (!res.ok) throw new UnrecoverableError(res.reason);
  const article = res.article;
  // Said (once per source and day) and counted by whoever listens: a fallback that always
  // succeeds would otherwise be a warning on every article.
  await deps.onExtracted?.(article.fallbacks, article.matched);
  const ctx = { data, source, article, publishedAt: article.publishedAt ?? data.feedPublishedAt };
  // An old page listed as new is no new story: recorded, never alerted.
  const stale = staleDates(article.publishedAt, data.feedPublishedAt);
  if (stale) return skipStale(deps, ctx, stale);

  const topics = await timed(t, 'relevance', () =>
    classifyTopics({ title: article.title, lead: article.lead, body: article.paragraphs }),
  );
  if (!topics.best.onTopic) return skipOffTopic(deps, ctx, topics.best);

  const fp = fingerprint(article.lead, article.paragraphs, deps.dedupe?.bucketBits, article.title, ctx.publishedAt);
  // First writer of a text owns the story; the claim is one atomic Redis script across workers.
  const verdict = await timed(t, 'dedupe', () =>
    claimStory(
      deps.redis,
      deps.keys,
      fp,
      { storyId: data.storyId, outlet: source.name, url: data.url, title: article.title },
      deps.dedupe ? { retentionDays: deps.dedupe.retentionDays } : {},
    ),
  );
  if (verdict.kind === 'exact' || verdict.kind === 'near')
    return recordDuplicate(deps, ctx, verdict, fp.contentHash, rawPage, topics);
  return writeStory(deps, ctx, topics, fp.contentHash, rawPage, verdict.kind === 'new' ? verdict.related : null);
}
