// The story index on a real Redis: atomic claims, retries, retention, pruning, and the dedupe
// eval's targets on generated republications (scripts/eval/eval-dedupe.ts).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { bucketKeys, claimStory, layoutMarker, parseStoryRecord, pruneExpired } from '../../src/dedupe/dedupe-index.js';
import { storedSample } from '../../src/dedupe/long-shingles.js';
import { DEDUPE } from '../../config/dedupe.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { clearPrefix, scanKeys } from '../../base/redis/clear-prefix.js';
import { createKeys, type Keys } from '../../base/redis/keys.js';
import { applyWireEdits, loadEvalArticles, loadNearDuplicates } from '../../evaluation/own-eval-set.js';
import { evaluateDedupe } from '../../evaluation/dedupe-scores.js';
import { checkDedupeTargets } from '../../evaluation/dedupe-targets.js';
import { evaluateRelevance } from '../../evaluation/relevance-scores.js';
import { testPrefix } from '../helpers/test-runtime.js';

const sid = (): string => randomBytes(8).toString('hex');
const articles = loadEvalArticles();
const byId = new Map(articles.map((a) => [a.id, a]));
const fpOf = (id: string) => {
  const a = byId.get(id)!;
  return fingerprint(a.lead, a.paragraphs, undefined, a.title);
};

describe('dedupe index on Redis', () => {
  let redis: Redis;
  let keys: Keys;

  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(async () => {
    if (keys) await clearPrefix(redis, keys.prefix);
    redis.disconnect();
  });

  const fresh = async (): Promise<Keys> => {
    if (keys) await clearPrefix(redis, keys.prefix);
    keys = createKeys(testPrefix());
    return keys;
  };

  it('a new text is a new story; its retry answers self; a wire copy joins it with the owner URL and outlet', async () => {
    const k = await fresh();
    const me = { storyId: sid(), outlet: 'VnExpress', url: 'https://vnexpress.net/a-1.html' };
    expect((await claimStory(redis, k, fpOf('on-004'), me)).kind).toBe('new');
    expect((await claimStory(redis, k, fpOf('on-004'), me)).kind).toBe('self');
    const orig = byId.get('on-004')!;
    const copy = applyWireEdits(orig, { title: 'Khác', prefix: 'TTXVN - ', dropLast: 1, credit: 'Theo TTXVN' });
    const v = await claimStory(redis, k, fingerprint(copy.lead, copy.paragraphs, undefined, copy.title), {
      storyId: sid(),
      outlet: 'Báo Tin tức',
      url: 'https://baotintuc.vn/b.htm',
    });
    expect(v).toMatchObject({ kind: 'near', owner: me });
    const exact = applyWireEdits(orig, { prefix: '(Dân trí) - ' });
    expect(
      await claimStory(redis, k, fingerprint(exact.lead, exact.paragraphs, undefined, exact.title), {
        ...me,
        storyId: sid(),
      }),
    ).toMatchObject({
      kind: 'exact',
      owner: me,
    });
  });

  it('keeps two write-ups of the same event apart', async () => {
    const k = await fresh();
    expect((await claimStory(redis, k, fpOf('on-001'), { storyId: sid(), outlet: 'a', url: 'https://a/1' })).kind).toBe(
      'new',
    );
    expect((await claimStory(redis, k, fpOf('on-002'), { storyId: sid(), outlet: 'b', url: 'https://b/1' })).kind).toBe(
      'new',
    );
    expect((await claimStory(redis, k, fpOf('on-003'), { storyId: sid(), outlet: 'c', url: 'https://c/1' })).kind).toBe(
      'new',
    );
  });

  it('links a rewording that shares phrases, not sentences, as same-event; a trimmed copy still joins', async () => {
    const k = await fresh();
    // Invented lowercase syllables (no figures, no names: the new-facts step stays out of it),
    // twelve to a sentence.
    const syllable = (i: number): string =>
      `x${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}`;
    const prose = (xs: string[]): string[] =>
      Array.from({ length: Math.ceil(xs.length / 12) }, (_, p) => `${xs.slice(p * 12, p * 12 + 12).join(' ')}.`);
    const words = Array.from({ length: 360 }, (_, i) => syllable((i * 37) % 676));
    const original = fingerprint(null, prose(words));
    // One syllable in six changed: about half the 3-syllable shingles kept (Jaccard near 0.33,
    // over minJaccard), no run of eight.
    const reworded = fingerprint(null, prose(words.map((w, i) => (i % 6 === 5 ? `${w}q` : w))));
    const trimmed = fingerprint(null, prose(words.slice(0, 240)));
    const first = { storyId: sid(), outlet: 'a', url: 'https://a/1' };
    expect((await claimStory(redis, k, original, first)).kind).toBe('new');
    const v = await claimStory(redis, k, reworded, { storyId: sid(), outlet: 'b', url: 'https://b/1' });
    expect(v).toMatchObject({ kind: 'new', related: { kind: 'same-event', story: first } });
    if (v.kind === 'new') expect(v.related!.jaccard).toBeGreaterThanOrEqual(DEDUPE.minJaccard);
    expect(await claimStory(redis, k, trimmed, { storyId: sid(), outlet: 'c', url: 'https://c/1' })).toMatchObject({
      kind: 'near',
      owner: first,
    });
    // The record keeps the sample's first values, and the text fields after them read back.
    const rec = parseStoryRecord((await redis.getBuffer(`${k.dedupeRecordPrefix}1`))!);
    expect(rec.longSample).toEqual(storedSample(original.longSample));
    expect(rec.longSample.length).toBe(2 * DEDUPE.longSampleKept);
    expect(rec).toMatchObject({ shingles: original.shingles, url: 'https://a/1', outlet: 'a' });
  });

  it('refuses an index built under another layout, naming the command that fixes it', async () => {
    const k = await fresh();
    const me = { storyId: sid(), outlet: 'a', url: 'https://a/1' };
    await redis.set(k.dedupeBits, '12'); // what the first layout stored: bucket bits alone
    await expect(claimStory(redis, k, fpOf('on-004'), me)).rejects.toThrow(
      /earlier tinwatch .*run `tinwatch dedupe rebuild`, then `tinwatch retry`/,
    );
    await redis.set(k.dedupeBits, layoutMarker(14));
    await expect(claimStory(redis, k, fpOf('on-004'), me)).rejects.toThrow(
      /built with 14 bucket bits but TINWATCH_DEDUPE_BUCKET_BITS is 12/,
    );
    await redis.del(k.dedupeBits);
    expect((await claimStory(redis, k, fpOf('on-004'), me)).kind).toBe('new');
    expect(await redis.get(k.dedupeBits)).toBe(layoutMarker(12));
  });

  it('makes one story of the same text claimed by 20 workers at once', async () => {
    const k = await fresh();
    const clients = Array.from({ length: 20 }, () => new Redis(inject('redisUrl')));
    try {
      const verdicts = await Promise.all(
        clients.map((c, i) =>
          claimStory(c, k, fpOf('on-020'), { storyId: sid(), outlet: `o${i}`, url: `https://o${i}/x` }),
        ),
      );
      expect(verdicts.filter((v) => v.kind === 'new')).toHaveLength(1);
      expect(verdicts.filter((v) => v.kind === 'exact')).toHaveLength(19);
    } finally {
      for (const c of clients) c.disconnect();
    }
  });

  it('stops matching stories past the retention and prune gives their entries back', async () => {
    const k = await fresh();
    const old = { storyId: sid(), outlet: 'old', url: 'https://old/1' };
    await claimStory(redis, k, fpOf('on-030'), old, { retentionDays: 1 / 86_400 }); // a 1-second retention
    const entries = async (): Promise<number> => {
      let n = 0;
      for await (const batch of scanKeys(redis, k.dedupeBucketPattern))
        for (const key of batch) n += await redis.hlen(key);
      return n;
    };
    // One field per key of the fingerprint: the exact key, one per band, one per anchor.
    const fields = (id: string): Set<string> => {
      const f = fpOf(id);
      const names = bucketKeys(k, f);
      return new Set([f.exact, ...f.bands, ...f.anchors].map((x, i) => `${names[i]}|${x.field.toString('hex')}`));
    };
    const perStory = fields('on-030').size;
    expect(perStory).toBe(1 + DEDUPE.bands + DEDUPE.anchors);
    expect(await entries()).toBe(perStory);
    await new Promise((r) => setTimeout(r, 1_300));
    const newer = { storyId: sid(), outlet: 'new', url: 'https://new/1' };
    expect((await claimStory(redis, k, fpOf('on-030'), newer)).kind).toBe('new');
    expect(await pruneExpired(redis, k)).toMatchObject({ removed: 0 }); // the newer story took the fields over
    await claimStory(
      redis,
      k,
      fpOf('on-031'),
      { storyId: sid(), outlet: 'x', url: 'https://x/1' },
      { retentionDays: 1 / 86_400 },
    );
    await new Promise((r) => setTimeout(r, 1_300));
    const pruned = await pruneExpired(redis, k);
    // on-031 added a field for every key it did not share with on-030's newer story.
    const older = fields('on-030');
    expect(pruned.removed).toBe([...fields('on-031')].filter((x) => !older.has(x)).length);
    expect(await entries()).toBe(perStory);
  });

  it('merges every hand-written wire copy in evaluation/own-set/near-duplicates.json into its original', async () => {
    const k = await fresh();
    const owner = new Map<string, string>();
    for (const a of articles) {
      const id = sid();
      owner.set(a.id, id);
      expect(
        (await claimStory(redis, k, fpOf(a.id), { storyId: id, outlet: 'o', url: `https://o/${a.id}` })).kind,
      ).toBe('new');
    }
    const missed: string[] = [];
    for (const d of loadNearDuplicates()) {
      const copy = applyWireEdits(byId.get(d.of)!, d.edits);
      const v = await claimStory(redis, k, fingerprint(copy.lead, copy.paragraphs, undefined, copy.title), {
        storyId: sid(),
        outlet: 'c',
        url: 'https://c/1',
      });
      if (v.kind !== 'near' && v.kind !== 'exact') missed.push(d.id);
      else if (v.owner.storyId !== owner.get(d.of)) missed.push(`${d.id} (into the wrong story)`);
    }
    expect(missed).toEqual([]);
  });

  it('meets the targets on generated republications: ≥ 97 % of copies merged per band, no write-up merged, compare agrees', async () => {
    const r = await evaluateDedupe(redis, testPrefix(), articles, 1);
    expect(r.copies.length).toBeGreaterThan(4_000);
    expect(r.negatives.filter((n) => n.kind === 'templated briefs').length).toBeGreaterThanOrEqual(100);
    expect(checkDedupeTargets(r)).toEqual([]);
    // Tone-stripped and re-encoded copies are the same story, always.
    for (const kind of ['tone-stripped', 'NFD', 'hoá/hóa, i/y', 'NFD + hoá/hóa + prefix'])
      expect(r.copies.filter((c) => c.kind === kind && !c.merged).map((c) => c.id)).toEqual([]);
    // Templated columns of other days and follow-ups: none merged, each linked.
    const apart = r.negatives.filter((n) => n.kind.startsWith('templated series') || n.kind.startsWith('follow-up'));
    expect(apart.length).toBeGreaterThanOrEqual(400);
    expect(apart.filter((n) => n.merged).map((n) => n.id)).toEqual([]);
    expect(apart.filter((n) => n.related === null).map((n) => n.id)).toEqual([]);
    expect(r.copies.filter((c) => c.set === 'series').length).toBeGreaterThanOrEqual(800);
  }, 300_000);

  it('meets the relevance target on the labelled set: F1 ≥ 0.95 over ≥ 150 texts', () => {
    expect(articles.length).toBeGreaterThanOrEqual(150);
    const r = evaluateRelevance(articles);
    expect(r.overall.f1).toBeGreaterThanOrEqual(0.95);
  });
});
