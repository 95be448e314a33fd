// `tinwatch audit SOURCE`: what the outlet lists against what was discovered and written. A real
// crawl of a small site on the replay server (real HTTP, real Redis) leaves one URL in each
// bucket; then the feed lists more: one never discovered, one listed after the last read, one
// fetched with no outcome recorded. The audit names each URL's fate, fetches no article page,
// and counts as unexplained only the two with no recorded reason.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSince, printAudit, runAudit } from '../../app/cli/audit-report.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import { articleCandidates } from '../../crawlers/discovery/article-candidates.js';
import type { AuditResult } from '../../crawlers/audit/audit-source.js';
import { VERDICTS } from '../../crawlers/audit/audit-verdict.js';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { classifyTopics } from '../../src/relevance/classify-topics.js';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { classifiedOnTopicArticles, testArticlePage, testSource } from '../helpers/test-source.js';

const HOST = 'audit.example.vn';
const url = (p: string) => `https://${HOST}/${p}`;

describe('tinwatch audit', () => {
  let dir: string;
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let result: AuditResult;
  let requestsBefore: number;
  const source = testSource(HOST, { discovery: { feeds: [url('rss.xml')], maxNewPerCrawl: 5 } });
  const write = (p: string, body: string) => writeFileSync(path.join(dir, HOST, p), body);
  const feed = (items: [string, Date][]) =>
    write(
      'rss.xml',
      `<?xml version="1.0"?><rss version="2.0"><channel>${items
        .map(([p, d]) => `<item><link>${url(p)}</link><pubDate>${d.toUTCString()}</pubDate></item>`)
        .join('')}</channel></rss>`,
    );

  beforeAll(async () => {
    dir = tempDir('tw-audit');
    mkdirSync(path.join(dir, HOST, 'private'), { recursive: true });
    const [a, b] = classifiedOnTopicArticles();
    const offTopic = loadEvalArticles().find(
      (x) => !x.onTopic && !classifyTopics({ title: x.title, lead: x.lead, body: x.paragraphs }).best.onTopic,
    )!;
    const dated = (html: string, d: string) =>
      html.replace('<html><body>', `<html><head><meta property="article:published_time" content="${d}"></head><body>`);
    write('robots.txt', 'User-agent: *\nDisallow: /private/\n');
    write('bai-1000001.html', testArticlePage(a!));
    write('bai-1000002.html', testArticlePage(offTopic));
    // bai-1000003.html is missing: its fetch fails with a 404
    write('bai-1000004.html', dated(testArticlePage(b!), '2021-03-04T08:00:00+07:00'));
    write('bai-1000005.html', testArticlePage(a!)); // the same story under another URL
    write('private/bai-1000006.html', testArticlePage(b!));
    write('bai-1000008.html', testArticlePage(b!)); // over the crawl's cap of 5
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const first: [string, Date][] = [
      ...['bai-1000001.html', 'bai-1000002.html', 'bai-1000003.html', 'bai-1000004.html', 'bai-1000005.html'],
      ...['private/bai-1000006.html', 'tin-ngan.html', 'bai-1000008.html'],
    ].map((p) => [p, tenMinutesAgo]);
    feed(first);
    replay = await startReplayServer(dir);
    rt = await testRuntime({
      sources: [source],
      originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` },
      env: { TINWATCH_HOST_DELAY_MS: 0 },
    });
    await crawlOnce(rt, { sources: rt.sources, pollMs: 50 });

    // After the crawl the outlet lists more.
    const hourAgo = new Date(Date.now() - 3_600_000);
    feed([
      ...first,
      ['bai-1000009.html', hourAgo], // listed before the last read, never discovered
      ['bai-1000010.html', new Date(Date.now() + 60_000)], // listed after the last read
      ['bai-1000011.html', hourAgo], // fetched, outcome lost
      ['bai-1000012.html', new Date(Date.now() - 5 * 86_400_000)], // older than --since
    ]);
    const [lost] = articleCandidates(source, [{ url: url('bai-1000011.html') }]);
    await rt.redis.sadd(rt.keys.seen, lost!.identity);
    requestsBefore = replay.requests.length;
    result = await runAudit(rt, source.id, parseSince('48h'));
  }, 240_000);
  afterAll(async () => {
    await rt?.cleanup();
    await replay?.close();
  });

  const verdictOf = (p: string) => result.lines.find((l) => l.url === url(p));

  it('names the fate of every URL the outlet lists, with the recorded reason', () => {
    expect(verdictOf('bai-1000001.html')).toMatchObject({ verdict: 'written' });
    expect(verdictOf('bai-1000002.html')).toMatchObject({ verdict: 'off-topic', reason: expect.any(String) });
    expect(verdictOf('bai-1000003.html')).toMatchObject({ verdict: 'failed', reason: expect.stringMatching(/404/) });
    expect(verdictOf('bai-1000004.html')).toMatchObject({
      verdict: 'stale',
      reason: expect.stringMatching(/2021-03-04/),
    });
    expect(verdictOf('bai-1000005.html')).toMatchObject({ verdict: 'duplicate' });
    expect(verdictOf('private/bai-1000006.html')).toMatchObject({
      verdict: 'deferred',
      reason: 'robots.txt disallows',
    });
    expect(verdictOf('tin-ngan.html')).toMatchObject({
      verdict: 'rejected',
      reason: 'does not match articleUrlPattern',
    });
    expect(verdictOf('bai-1000008.html')).toMatchObject({ verdict: 'deferred', reason: expect.stringMatching(/cap/) });
    expect(verdictOf('bai-1000009.html')).toMatchObject({ verdict: 'never-discovered', reason: null });
    expect(verdictOf('bai-1000010.html')).toMatchObject({ verdict: 'not-yet-read' });
    expect(verdictOf('bai-1000011.html')).toMatchObject({ verdict: 'fetched-no-outcome' });
    expect(verdictOf('bai-1000012.html')).toBeUndefined();
  });

  it('counts them: the verdicts add up to the URLs listed, two missed with no recorded reason', () => {
    expect(result.listed).toBe(11);
    expect(result.olderThanSince).toBe(1);
    expect(Object.values(result.counts).reduce((x, y) => x + y, 0)).toBe(result.listed);
    expect(result.counts).toMatchObject({ written: 1, 'off-topic': 1, failed: 1, stale: 1, duplicate: 1 });
    expect(result.counts).toMatchObject({ deferred: 2, rejected: 1, 'not-yet-read': 1 });
    expect(result.unexplained).toBe(2);
    expect(result.missed).toBe(10);
    // The unexplained come first, as the text report lists them.
    expect(
      result.lines
        .slice(0, 2)
        .map((l) => l.verdict)
        .sort(),
    ).toEqual(['fetched-no-outcome', 'never-discovered']);
    const text = printAudit(result);
    expect(text).toContain('MISSED WITH NO RECORDED REASON:');
    expect(text).toMatch(/never-discovered +https:\/\/audit\.example\.vn\/bai-1000009\.html/);
    expect(text).toContain('2 of 11 listed URL(s) missed with no recorded reason');
  });

  it('reads only what the outlet lists, as a crawl reads it: robots.txt and the feed, no article page', () => {
    const asked = replay.requests.slice(requestsBefore).map((r) => r.path);
    expect(asked.filter((p) => p.endsWith('.html'))).toEqual([]);
    expect(asked).toContain(`/${HOST}/rss.xml`);
  });

  it('takes --since as a date or a span, and refuses anything else', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(parseSince('36h', now).toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(parseSince('3d', now).toISOString()).toBe('2026-12-04T12:00:00.000Z');
    expect(parseSince('2026-12-01', now).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(() => parseSince('yesterday', now)).toThrow(/--since/);
  });

  it('exits 2 with one line for a source that does not exist', () => {
    const bin = path.join(import.meta.dirname, '../../bin/tinwatch.js');
    const run = spawnSync(process.execPath, [bin, 'audit', 'no-such-source', '--out', rt.outDir], {
      env: {
        ...process.env,
        TINWATCH_PREFIX: `t-audit-${process.pid}`,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/no source "no-such-source"/);
  });
});

describe('tinwatch audit that could read nothing', () => {
  it('says what it could not read and gives no verdict ("every listed URL is written…" read as nothing missed)', () => {
    const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as AuditResult['counts'];
    const text = printAudit({
      source: 'vnexpress',
      since: '2026-12-05T00:00:00.000Z',
      pagesRead: [],
      unreadable: [{ url: 'https://vnexpress.net/rss/the-gioi.rss', reason: 'getaddrinfo ENOTFOUND vnexpress.net' }],
      listed: 0,
      olderThanSince: 0,
      rejectedOnListings: 0,
      counts,
      missed: 0,
      unexplained: 0,
      lines: [],
    });
    expect(text).toContain('could not read https://vnexpress.net/rss/the-gioi.rss: getaddrinfo ENOTFOUND');
    expect(text).not.toMatch(/every listed URL|missed with no recorded reason/);
  });
});
