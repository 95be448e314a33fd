import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOriginMap, replayOriginMap } from '../../base/url/origin-map.js';
import { replayFileFor, startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { SITES } from '../helpers/fixtures.js';

describe('replay server', () => {
  let s: ReplayServer;
  beforeAll(async () => {
    s = await startReplayServer(SITES);
  });
  afterAll(async () => {
    await s.close();
  });

  it('serves DIR/<host>/<path>, queries as <path>@<query> in any parameter order', async () => {
    const a = await fetch(`${s.url}/world.kbs.co.kr/service/news_view.htm?lang=v&Seq_Code=61234`);
    const b = await fetch(`${s.url}/world.kbs.co.kr/service/news_view.htm?Seq_Code=61234&lang=v`);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/text\/html/);
    expect(await a.text()).toBe(await b.text());
  });

  it('serves feeds as RSS whatever their extension, and 404s what was not recorded', async () => {
    const r = await fetch(`${s.url}/world.kbs.co.kr/rss/rss_news.htm?lang=v`);
    expect(r.headers.get('content-type')).toMatch(/rss\+xml/);
    expect((await fetch(`${s.url}/vnexpress.net/nope.html`)).status).toBe(404);
  });

  it('never serves outside its folder', () => {
    expect(replayFileFor(SITES, '/../../package.json')).toBeNull();
    expect(replayFileFor(SITES, '/%2e%2e/%2e%2e/package.json')).toBeNull();
    expect(replayFileFor(SITES, '/vnexpress.net/')).toBe(path.join(SITES, 'vnexpress.net/index.html'));
  });
});

describe('replay server headers', () => {
  let root: string;
  let s: ReplayServer;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'tw-replay-'));
    mkdirSync(path.join(root, 'h.test'));
    writeFileSync(path.join(root, 'h.test/a.html'), '<p>một</p>');
    writeFileSync(path.join(root, 'h.test/c.html'), '<p>hai</p>');
    writeFileSync(path.join(root, 'h.test/c.html.meta.json'), JSON.stringify({ chunked: true }));
    s = await startReplayServer(root);
  });
  afterAll(async () => {
    await s.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends a length, or chunks when the sidecar says so', async () => {
    const a = await fetch(`${s.url}/h.test/a.html`);
    expect(a.headers.get('content-length')).toBe(String(Buffer.byteLength('<p>một</p>')));
    expect(await a.text()).toBe('<p>một</p>');
    const c = await fetch(`${s.url}/h.test/c.html`);
    expect(c.headers.get('content-length')).toBeNull();
    expect(c.headers.get('transfer-encoding')).toBe('chunked');
    expect(await c.text()).toBe('<p>hai</p>');
  });

  it('answers a matching validator with 304 and serves a rewritten file fresh', async () => {
    const first = await fetch(`${s.url}/h.test/a.html`);
    const etag = first.headers.get('etag')!;
    expect((await fetch(`${s.url}/h.test/a.html`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    writeFileSync(path.join(root, 'h.test/a.html'), '<p>một bài mới dài hơn</p>');
    const again = await fetch(`${s.url}/h.test/a.html`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('<p>một bài mới dài hơn</p>');
  });
});

describe('origin map', () => {
  it('sends real URLs to the replay server and brings them back', () => {
    const m = createOriginMap(replayOriginMap('http://127.0.0.1:9/', ['vietnamplus.vn']));
    const real = 'https://www.vietnamplus.vn/a-post1.vnp?x=1';
    const local = m.toFetchUrl(real);
    expect(local).toBe('http://127.0.0.1:9/vietnamplus.vn/a-post1.vnp?x=1');
    expect(m.toRealUrl(local)).toBe('https://vietnamplus.vn/a-post1.vnp?x=1');
    expect(m.toFetchUrl('https://other.vn/x')).toBe('https://other.vn/x');
    expect(m.isMapped(local)).toBe(true);
  });
});
