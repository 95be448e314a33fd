// The dashboard's feeds as a feed reader polls them: ETag and Last-Modified answered with 304
// (and a 200 once the manifest changes), and RFC 5005 archive pages beyond the 50 newest, read
// back by a feed parser until every story has been seen once.
import { mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from '../../app/dashboard/dashboard.js';
import { testRuntime } from '../helpers/test-runtime.js';

const article = (seq: number) => ({
  type: 'article',
  schema_version: 3,
  seq,
  file: `articles/${String(seq).padStart(3, '0')}_${seq.toString(16).padStart(16, '0')}.txt`,
  id: seq.toString(16).padStart(16, '0'),
  url: `https://vnexpress.net/bai-${5_000_000 + seq}.html`,
  canonical_url: `https://vnexpress.net/bai-${5_000_000 + seq}.html`,
  page_canonical: null,
  outlet: 'VnExpress',
  source_id: 'vnexpress',
  title: `Bài số ${seq}`,
  published_at: null,
  author: null,
  credit: null,
  section: null,
  fetched_at: new Date(Date.UTC(2026, 11, 1) + seq * 60_000).toISOString(),
  written_at: new Date(Date.UTC(2026, 11, 1) + seq * 60_000).toISOString(),
  content_hash: 'abcdefabcdefabcd',
  duplicate_of: null,
  relevance: { profile: 'p', verdict: 'on', borderline: false, score: 1, reason: 'r', top_terms: [], profiles: {} },
  matched_rules: [],
  extraction: { fallbacks: [] },
  warc: null,
});

describe('dashboard feeds for feed readers', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let dash: Dashboard;
  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${dash.url}${p}`, { headers });

  beforeAll(async () => {
    rt = await testRuntime();
    mkdirSync(path.join(rt.outDir, 'articles'), { recursive: true });
    const lines = Array.from({ length: 120 }, (_, i) => article(i));
    for (const a of lines) writeFileSync(path.join(rt.outDir, a.file), `${a.title}\n\nSapo ${a.seq}.\n\nThân bài.`);
    writeFileSync(path.join(rt.outDir, 'manifest.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    dash = await startDashboard(rt, { port: 0 });
  });
  afterAll(async () => {
    await dash.close();
    await rt.cleanup();
  });

  it('answers If-None-Match and If-Modified-Since with 304 until the manifest changes', async () => {
    const first = await get('/feeds/all.atom');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(Date.parse(lastModified)).toBeGreaterThan(0);
    expect((await get('/feeds/all.atom', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/feeds/all.atom', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/feeds/all.json', { 'if-none-match': etag })).status).toBe(200); // another document
    // A new story: the old validators no longer match.
    const more = article(120);
    writeFileSync(path.join(rt.outDir, more.file), `${more.title}\n\nSapo.`);
    appendFileSync(path.join(rt.outDir, 'manifest.jsonl'), `${JSON.stringify(more)}\n`);
    const after = await get('/feeds/all.atom', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('pages beyond the 50 newest with RFC 5005 archive documents, each story on exactly one path back', async () => {
    const current = parseAtomFeed(await (await get('/feeds/all.atom')).text());
    expect(current.entries).toHaveLength(50);
    const seen = new Set(current.entries!.map((e) => e.id));
    let next = current.links?.find((l) => l.rel === 'prev-archive')?.href;
    expect(next).toMatch(/\?archive=2$/);
    const pages: string[] = [];
    while (next) {
      const url = new URL(next);
      const xml = await (await get(`${url.pathname}${url.search}`)).text();
      expect(xml).toContain('<fh:archive/>');
      const doc = parseAtomFeed(xml);
      expect(doc.links?.find((l) => l.rel === 'current')?.href).toMatch(/\/feeds\/all\.atom$/);
      for (const e of doc.entries!) seen.add(e.id);
      pages.push(url.search);
      next = doc.links?.find((l) => l.rel === 'prev-archive')?.href;
    }
    expect(pages).toEqual(['?archive=2', '?archive=1']);
    expect(seen.size).toBe(121);
    // A full archive page never changes: page 1 is the 50 oldest whatever comes later.
    const page1 = parseAtomFeed(await (await get('/feeds/all.atom?archive=1')).text());
    expect(page1.entries!.map((e) => e.title?.value).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `Bài số ${i}`).sort(),
    );
    expect((await get('/feeds/all.atom?archive=3')).status).toBe(404);
    const json = parseJsonFeed(await (await get('/feeds/all.json')).json());
    expect(json.next_url).toMatch(/\/feeds\/all\.json\?archive=2$/);
  });
});
