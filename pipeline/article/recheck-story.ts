// A written story's page fetched again (src/recheck/recheck-policy.ts says when): compared with
// the story's latest revision (src/recheck/story-revision.ts).
//   the same payload, byte for byte  → a WARC revisit record (identical-payload-digest) referring
//                                      to the response that holds it; no manifest line
//   other bytes, the same story      → a new response (ads, counters, a timestamp changed); no line
//   the title, byline, lead or body  → an edit: a revision file, a response with WARC-Refers-To
//   changed                            the previous revision's, and an edit line (write-edit.ts)
// The story is not classified, deduplicated or alerted again: it is the same story, edited.
import { gunzipSync } from 'node:zlib';
import { captureIdOf, captureStory } from '../../src/archive/capture-story.js';
import { unpackExchange } from '../../src/archive/http-exchange.js';
import { sha256Digest } from '../../src/archive/warc-records.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { articleOutcomeSchema, type ArticleJobData, type ArticleOutcome } from '../../base/queues.js';
import { latestRevision, partHash, saveRevision, type StoryRevision } from '../../src/recheck/story-revision.js';
import { inflateRaw, keepOutcome, parkedKeys } from './job-state.js';
import type { ArticleDeps } from './article-deps.js';
import { writeEdit } from './write-edit.js';

export async function recheckStory(data: ArticleJobData, deps: ArticleDeps): Promise<ArticleOutcome> {
  const storyId = data.storyId;
  const repeat = await keptOutcome(deps, data);
  if (repeat) return repeat;
  const [prev, raw, packed] = await Promise.all([
    latestRevision(deps.redis, deps.keys, storyId),
    deps.redis.getBuffer(data.rawKey),
    data.captureKey ? deps.redis.getBuffer(data.captureKey) : Promise.resolve(null),
  ]);
  const done = (outcome: ArticleOutcome, update?: StoryRevision) => finish(deps, data, outcome, update);
  // Written before revisions were tracked, or Redis lost them: nothing to compare with.
  if (!prev) return done({ outcome: 'rechecked', storyId, change: 'untracked' });
  const rawPage = inflateRaw(data.rawKey, raw);
  const digest = packed ? sha256Digest(unpackExchange(gunzipSync(packed), rawPage).payload) : null;
  const refersTo = prev.capture
    ? { recordId: prev.capture.record_id, uri: prev.capture.uri, date: prev.capture.date }
    : undefined;
  if (refersTo && digest === prev.capture!.digest) {
    await captureStory(deps, data, rawPage, { unchanged: true }, { ...refersTo, revisit: true });
    return done({ outcome: 'rechecked', storyId, change: 'unchanged' });
  }
  const source = deps.sourceById(data.sourceId);
  const res = extractArticle(rawPage.toString('utf8'), data.url, source);
  if (!res.ok) {
    deps.log.warn(
      { storyId, reason: res.reason },
      're-check: the page no longer reads as an article; captured as served',
    );
    await captureStory(deps, data, rawPage, { unchanged: true });
    return done({ outcome: 'rechecked', storyId, change: 'unreadable' });
  }
  const a = res.article;
  const same =
    a.title === prev.title &&
    a.author === prev.author &&
    partHash([a.lead]) === prev.lead_hash &&
    partHash(a.paragraphs) === prev.body_hash;
  if (same) {
    // Other bytes, the same story: the page as served now, and the next revisit compares with it.
    const capture = await captureStory(deps, data, rawPage, { unchanged: true });
    const update = capture ? { ...prev, capture: capture.ref } : undefined;
    return done({ outcome: 'rechecked', storyId, change: 'page-only' }, update);
  }
  const contentHash = fingerprint(a.lead, a.paragraphs, deps.dedupe?.bucketBits, a.title).contentHash;
  const edit = await writeEdit(deps, { data, source, article: a, rawPage, prev, contentHash, refersTo });
  return done({ outcome: 'rechecked', storyId, change: 'edited', revision: edit.revision }, edit);
}

/** What an earlier attempt of this very fetch did (its worker died before completing the job). */
async function keptOutcome(deps: ArticleDeps, data: ArticleJobData): Promise<ArticleOutcome | null> {
  const kept = await deps.redis.get(deps.keys.articleOutcome(captureIdOf(data)));
  if (!kept) return null;
  const { fetchedAt, outcome } = JSON.parse(kept) as { fetchedAt?: string; outcome?: unknown };
  const parsed = articleOutcomeSchema.safeParse(outcome);
  return fetchedAt === data.fetchedAt && parsed.success ? parsed.data : null;
}

/** The job's last writes in one MULTI: the revision now current, the parked page gone, the outcome kept. */
async function finish(
  deps: ArticleDeps,
  data: ArticleJobData,
  outcome: ArticleOutcome,
  update?: StoryRevision,
): Promise<ArticleOutcome> {
  const m = deps.redis.multi().del(...parkedKeys(data));
  if (update) saveRevision(m, deps.keys, data.storyId, update);
  keepOutcome(m, deps.keys, { ...data, storyId: captureIdOf(data) }, outcome);
  await m.exec();
  return outcome;
}
