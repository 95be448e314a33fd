import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOriginMap, replayOriginMap } from '../../src/fetch/origin-map.js';
import { replayFileFor, startReplayServer, type ReplayServer } from '../../src/replay/replay-server.js';
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
