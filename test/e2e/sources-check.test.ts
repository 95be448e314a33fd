// `tinwatch sources check` as a user runs it against recorded pages: a healthy source reports
// its links and the selector behind each field; an outlet whose markup changed shows the
// fallback; a feed that is gone is an error and exit 1.
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { SITES } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');

describe('tinwatch sources check', () => {
  let replay: ReplayServer;
  const site = tempDir('tw-sources-check');

  beforeAll(async () => {
    cpSync(SITES, site, { recursive: true });
    // VnExpress "changed its markup": the title class is gone from the article the feed lists first.
    const page = path.join(site, 'vnexpress.net/tau-san-bay-my-cap-cang-busan-5113010.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('class="title-detail"', 'class="headline-v2"'));
    // KBS's feed is gone.
    rmSync(path.join(site, 'world.kbs.co.kr/rss'), { recursive: true, force: true });
    replay = await startReplayServer(site);
  });
  afterAll(async () => replay.close());

  const check = (...ids: string[]) =>
    run(process.execPath, [BIN, 'sources', 'check', ...ids], {
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        TINWATCH_ORIGIN_MAP: JSON.stringify(
          replayOriginMap(replay.url, [
            'vnexpress.net',
            'timkiem.vnexpress.net',
            'baotintuc.vn',
            'world.kbs.co.kr',
            'nhandan.vn',
          ]),
        ),
      },
    });

  it('reports links, matched selectors and fields of a healthy source (exit 0)', async () => {
    const { stdout } = await check('baotintuc');
    expect(stdout).toMatch(/^baotintuc: OK/m);
    expect(stdout).toContain('feed https://baotintuc.vn/tin-moi-nhat.rss: 4 links, 3 articles of this source');
    expect(stdout).toMatch(/title +selector h1\.detail-title → Seoul và Washington nhóm họp Đối thoại/);
    expect(stdout).toMatch(/body +selector div\.boxdetail → 8 paragraphs/);
  });

  it('says an outlet without selectors is read by the generic extractor, not that it fell back (exit 0)', async () => {
    const { stdout } = await check('nhandan');
    expect(stdout).toMatch(/^nhandan: OK \(read by the generic extractor: no selectors\)$/m);
    expect(stdout).not.toContain('FALLBACK');
    expect(stdout).toMatch(/title +generic +fallback:h1 → Mỹ và Hàn Quốc ký kết/);
    expect(stdout).toMatch(/credit +generic +printed byline → MINH ANH/);
  });

  it('shows the generic fallback when a selector stopped matching', async () => {
    const { stdout } = await check('vnexpress');
    expect(stdout).toMatch(/^vnexpress: OK \(fallbacks used\)/m);
    expect(stdout).toMatch(/title +FALLBACK fallback:\S+ → Tàu sân bay Mỹ cập cảng Busan/);
    expect(stdout).toMatch(/lead +selector p\.description/);
    // The site search page reads like a listing.
    expect(stdout).toContain(
      'search https://timkiem.vnexpress.net/?q=H%C3%A0n+Qu%E1%BB%91c+M%E1%BB%B9+qu%E1%BB%91c+ph%C3%B2ng',
    );
    expect(stdout).toMatch(/search \S+: 2 links, 2 articles of this source/);
  });

  it('names a discovery page that fails and exits 1', async () => {
    const err = await check('kbs-vietnamese').catch((e: { code: number; stdout: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    const out = (err as { stdout: string }).stdout;
    expect(out).toMatch(/^kbs-vietnamese: PROBLEM/m);
    expect(out).toMatch(/feed https:\/\/world\.kbs\.co\.kr\/rss\/rss_news\.htm\?lang=v: ERROR .*404/);
  });
});
