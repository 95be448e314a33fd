// A wire story republished with edits goes through the real article pipeline (Redis, files,
// manifest): one file, a `duplicate_of` manifest line naming the first outlet, the story's outlet
// list updated; `tinwatch dedupe rebuild` then rebuilds the same index from the manifest; an
// off-topic page is listed by `tinwatch skipped`.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropIndex, claimStory } from '../../src/dedupe/dedupe-index.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import type { ArticleDeps } from '../../pipeline/article/article-deps.js';
import { processArticle } from '../../pipeline/article/process-article.js';
import { canonicalUrl as canonicalize, storyIdFor } from '../../base/url/canonical-url.js';
import { SITES } from '../helpers/fixtures.js';
import { testRuntime } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
const ORIGINAL_URL = 'https://vnexpress.net/han-quoc-my-hop-nhom-tham-van-hat-nhan-lan-thu-nam-5112299.html';
const COPY_URL = 'https://vnexpress.net/seoul-washington-hop-ncg-5112400.html';
const OFF_URL = 'https://vnexpress.net/bts-cong-bo-lich-luu-dien-tai-my-5113422.html';
const page = (file: string): string => readFileSync(path.join(SITES, 'vnexpress.net', file), 'utf8');

/** The republication: new title, a wire prefix on the lead, the last paragraph trimmed. */
function wireCopy(html: string): string {
  const lastBody = [...html.matchAll(/<p class="Normal">[^\n]*<\/p>/g)].at(-1)![0];
  return html
    .replace(/(<h1 class="title-detail">)[^<]*/, '$1Seoul, Washington họp NCG lần thứ năm')
    .replace('<p class="description">', '<p class="description">TTXVN - ')
    .replace(lastBody, '');
}

describe('near-duplicate through the article pipeline', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let deps: ArticleDeps;

  const job = async (url: string, html: string) => {
    const canonicalUrl = canonicalize(url);
    const storyId = storyIdFor(canonicalUrl);
    const rawKey = rt.keys.raw(storyId);
    await rt.redis.set(rawKey, gzipSync(html));
    return processArticle(
      {
        sourceId: 'vnexpress',
        url,
        canonicalUrl,
        storyId,
        rawKey,
        fetchedAt: new Date().toISOString(),
        feedPublishedAt: null,
      },
      deps,
    );
  };
  const manifest = () =>
    readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const cli = (...args: string[]) =>
    run('node', [BIN, ...args], {
      env: {
        ...process.env,
        REDIS_URL: inject('redisUrl'),
        TINWATCH_PREFIX: rt.keys.prefix,
        TINWATCH_OUT: rt.outDir,
        LOG_LEVEL: 'silent',
      },
    });

  beforeAll(async () => {
    rt = await testRuntime();
    deps = { redis: rt.redis, keys: rt.keys, outDir: rt.outDir, log: rt.log, sourceById: rt.sourceById };
  });
  afterAll(async () => rt.cleanup());

  it('writes the original, and the wire copy only as a duplicate_of line', async () => {
    const original = page('han-quoc-my-hop-nhom-tham-van-hat-nhan-lan-thu-nam-5112299.html');
    expect(await job(ORIGINAL_URL, original)).toMatchObject({ outcome: 'written' });
    const out = await job(COPY_URL, wireCopy(original));
    expect(out.outcome).toBe('duplicate');
    expect(readdirSync(path.join(rt.outDir, 'articles'))).toHaveLength(1);
    const [first, dup] = manifest();
    expect(first).toMatchObject({ type: 'article', url: ORIGINAL_URL, credit: 'Như Tâm (Theo Yonhap, Korea Herald)' });
    expect(dup).toMatchObject({
      type: 'duplicate',
      url: COPY_URL,
      duplicate_of: { id: first!.id, url: ORIGINAL_URL, outlet: 'VnExpress' },
      match: { kind: 'near' },
    });
    expect((dup!.match as { similarity: number }).similarity).toBeGreaterThan(0.5);
    const outlets = await rt.redis.smembers(rt.keys.storyOutlets(first!.id as string));
    expect(outlets.map((o) => JSON.parse(o).url)).toEqual([COPY_URL]);
  });

  it('lists the off-topic page with its score and terms (tinwatch skipped)', async () => {
    expect(await job(OFF_URL, page('bts-cong-bo-lich-luu-dien-tai-my-5113422.html'))).toMatchObject({
      outcome: 'off-topic',
    });
    const { stdout } = await cli('skipped', '--json');
    const items = JSON.parse(stdout) as { url: string; score: number; top_terms: string[]; reason: string }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ url: OFF_URL });
    expect(items[0]!.top_terms).toContain('Hàn Quốc');
    expect(items[0]!.reason).toMatch(/main subject|not named|no defence act|in passing/);
    expect(manifest().some((l) => l.url === OFF_URL)).toBe(false);
  });

  it('dedupe rebuild restores the index from the manifest and files', async () => {
    await dropIndex(rt.redis, rt.keys);
    const { stdout } = await cli('dedupe', 'rebuild');
    expect(stdout).toContain('indexed 1 of 1 stories');
    expect(stdout).not.toContain('!'); // no missing file, no changed text
    const text = readFileSync(path.join(rt.outDir, manifest()[0]!.file as string), 'utf8');
    const blocks = text.split('\n\n').slice(1, -1); // the body without title and credit
    const v = await claimStory(rt.redis, rt.keys, fingerprint(null, blocks.slice(0, -1)), {
      storyId: 'ffffffffffffffff',
      outlet: 'x',
      url: 'https://x/1',
    });
    expect(v).toMatchObject({ kind: 'near', owner: { url: ORIGINAL_URL, outlet: 'VnExpress' } });
  });
});
