// A written story fetched again, end to end on a local site: unchanged, it is a WARC revisit
// record (profile identical-payload-digest) referring to the first response, and no manifest
// line; edited (a feed lists it again with a newer date), it is a revision file, a response
// carrying WARC-Refers-To the first one, a metadata record with the new text, and an edit line
// (what changed, a word diff) that follows the article line and validates against its published
// schema. The story's first file is never rewritten. A relisting within the politeness gap is
// not fetched. Files read with node-warc (a reader tinwatch does not write with) and by hand.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce } from '../../workers/run-once/crawl-once.js';
import { startReplayServer, type ReplayServer } from '../../app/replay/replay-server.js';
import type { RecheckRecord } from '../../src/recheck/recheck-policy.js';
import { startDashboard } from '../../app/dashboard/dashboard.js';
import { pruneStorage } from '../../src/archive/prune-storage.js';
import { ManifestExport } from '../../src/export/export-manifest.js';
import { exportLineProblems, manifestLineProblems } from '../helpers/manifest-validator.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';
import { classifiedOnTopicArticles, testArticlePage, testSource } from '../helpers/test-source.js';
import { readWithNodeWarc, recordsAt, sha256, payloadOf } from '../helpers/warc-read.js';

const HOST = 'edits.example.vn';
const PAGE = 'bai-2000001.html';

interface Line {
  type: string;
  id: string;
  file: string;
  revision?: number;
  warc: { file: string; offset: number; length: number; record_id: string } | null;
  changed?: { title?: { before: string; after: string }; lead: boolean; body: boolean };
  diff?: { words_added: number; words_removed: number; paragraphs_changed: number; summary: string };
  detected_by?: string;
  previous_file?: string;
}

describe('re-checks of a written story: revisit and edit', () => {
  let replay: ReplayServer;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const site = tempDir('tw-edits');
  const [story] = classifiedOnTopicArticles();
  const feed = (pubDate: Date) =>
    writeFileSync(
      path.join(site, HOST, 'rss.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel><item><link>https://${HOST}/${PAGE}</link><pubDate>${pubDate.toUTCString()}</pubDate></item></channel></rss>`,
    );
  const manifest = (): Line[] =>
    readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
  const warcRecords = async () => {
    const dir = path.join(rt.outDir, 'warc');
    const files = readdirSync(dir).filter((f) => f.endsWith('.warc.gz'));
    return (await Promise.all(files.map((f) => readWithNodeWarc(path.join(dir, f))))).flat();
  };
  const crawl = () => crawlOnce(rt, { sources: rt.sources, pollMs: 50 });
  const record = async (id: string) => JSON.parse((await rt.redis.hget(rt.keys.recheckRecords, id))!) as RecheckRecord;

  beforeAll(async () => {
    mkdirSync(path.join(site, HOST), { recursive: true });
    writeFileSync(path.join(site, HOST, PAGE), testArticlePage(story!));
    feed(new Date(Date.now() - 3_600_000));
    replay = await startReplayServer(site);
    rt = await testRuntime({
      sources: [testSource(HOST)],
      originMap: { [`https://${HOST}`]: `${replay.url}/${HOST}` },
      // Files closed after every crawl, so each is read whole.
      env: { TINWATCH_HOST_DELAY_MS: 0, TINWATCH_WARC_IDLE_CLOSE_SECS: 1 },
    });
    await crawl();
  }, 120_000);
  afterAll(async () => {
    await rt?.cleanup();
    await replay?.close();
  });

  it('schedules the first re-check an hour after the first fetch', async () => {
    const [article] = manifest();
    expect(article!.type).toBe('article');
    const r = await record(article!.id);
    const due = await rt.redis.zscore(rt.keys.recheckDue('edits'), article!.id);
    expect(Number(due) - Date.parse(r.firstFetchedAt)).toBe(3_600_000);
  });

  it('an unchanged page fetched again is a revisit record referring to the first response, with no line', async () => {
    const [article] = manifest();
    await rt.redis.zadd(rt.keys.recheckDue('edits'), 0, article!.id);
    await crawl();
    expect(manifest()).toHaveLength(1);
    const all = await warcRecords();
    const revisits = all.filter((r) => r.warcHeader['WARC-Type'] === 'revisit');
    expect(revisits).toHaveLength(1);
    const [first] = all.filter((r) => r.warcHeader['WARC-Type'] === 'response');
    const h = revisits[0]!.warcHeader;
    expect(h['WARC-Profile']).toBe('http://netpreserve.org/warc/1.1/revisit/identical-payload-digest');
    expect(h['WARC-Refers-To']).toBe(article!.warc!.record_id);
    expect(h['WARC-Refers-To-Target-URI']).toBe(first!.warcHeader['WARC-Target-URI']);
    expect(h['WARC-Refers-To-Date']).toBe(first!.warcHeader['WARC-Date']);
    expect(h['WARC-Payload-Digest']).toBe(first!.warcHeader['WARC-Payload-Digest']);
    // The first response's payload digest is true to its bytes, so the revisit's is too.
    const [, response] = recordsAt(rt.outDir, article!.warc!);
    expect(sha256(payloadOf(response!.block))).toBe(h['WARC-Payload-Digest']);
    expect((await record(article!.id)).checks).toBe(1);
  });

  it('a relisting within ten minutes of the last fetch is not fetched', async () => {
    feed(new Date());
    await crawl();
    expect((await record(manifest()[0]!.id)).checks).toBe(1);
  });

  it('an edited page relisted later is a revision: its file, a response referring to the first, an edit line', async () => {
    const [article] = manifest();
    const r = await record(article!.id);
    // The last fetch was an hour ago: the relisting is past the politeness gap.
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await rt.redis.hset(rt.keys.recheckRecords, article!.id, JSON.stringify({ ...r, lastFetchedAt: hourAgo }));
    const edited = { ...story!, title: `${story!.title} (cập nhật)` };
    edited.paragraphs = [...story!.paragraphs];
    edited.paragraphs[0] = `${edited.paragraphs[0]} Bộ Quốc phòng cho biết thêm chi tiết mới.`;
    writeFileSync(path.join(site, HOST, PAGE), testArticlePage(edited));
    const firstText = readFileSync(path.join(rt.outDir, article!.file), 'utf8');
    feed(new Date(Date.now() + 60_000));
    await crawl();

    const lines = manifest();
    expect(lines.map((l) => l.type)).toEqual(['article', 'edit']);
    expect(
      manifestLineProblems(readFileSync(path.join(rt.outDir, 'manifest.jsonl'), 'utf8').trim().split('\n')),
    ).toEqual([]);
    const edit = lines[1]!;
    expect(edit).toMatchObject({
      id: article!.id,
      revision: 2,
      detected_by: 'relisted',
      previous_file: article!.file,
      changed: { title: { before: story!.title, after: edited.title }, lead: false, body: true },
    });
    expect(edit.diff).toMatchObject({ words_added: 9 + 2, words_removed: 0, paragraphs_changed: 2 });
    expect(edit.file).toMatch(/^articles\/revisions\/\d{3}_[0-9a-f]{16}\.r2\.txt$/);
    expect(readFileSync(path.join(rt.outDir, edit.file), 'utf8')).toContain('chi tiết mới');
    // The story's first file is as first written.
    expect(readFileSync(path.join(rt.outDir, article!.file), 'utf8')).toBe(firstText);

    const records = recordsAt(rt.outDir, edit.warc!);
    expect(records.map((x) => /WARC-Type: (\w+)/.exec(x.head)![1])).toEqual(['request', 'response', 'metadata']);
    expect(records[1]!.head).toContain(`WARC-Record-ID: ${edit.warc!.record_id}`);
    expect(records[1]!.head).toContain(`WARC-Refers-To: ${article!.warc!.record_id}`);
    expect(records[2]!.block.toString('utf8')).toBe(readFileSync(path.join(rt.outDir, edit.file), 'utf8'));
    const responses = (await warcRecords()).filter((x) => x.warcHeader['WARC-Type'] === 'response');
    expect(responses).toHaveLength(2);
  });

  it('the next re-check of the edited page is a revisit of the edit’s response', async () => {
    const edit = manifest()[1]!;
    await rt.redis.zadd(rt.keys.recheckDue('edits'), 0, edit.id);
    await crawl();
    expect(manifest()).toHaveLength(2);
    const revisits = (await warcRecords()).filter((r) => r.warcHeader['WARC-Type'] === 'revisit');
    expect(revisits.map((r) => r.warcHeader['WARC-Refers-To'])).toContain(edit.warc!.record_id);
  });

  it('the dashboard shows the edit history, serves the revision, and says when and why a pruned text went', async () => {
    const [article, edit] = manifest();
    const dash = await startDashboard(rt, { port: 0 });
    try {
      const page = await (await fetch(`${dash.url}/story/${article!.id}`)).text();
      expect(page).toContain('<h2>Edit history</h2>');
      expect(page).toContain(`data-revision="2"`);
      expect(page).toContain(edit!.diff!.summary);
      expect(page).toContain(`href="/${edit!.file}"`);
      const revision = await fetch(`${dash.url}/${edit!.file}`);
      expect(await revision.text()).toBe(readFileSync(path.join(rt.outDir, edit!.file), 'utf8'));
      expect((await fetch(`${dash.url}/articles/revisions/..%2Fmanifest.jsonl`)).status).toBe(404);

      await pruneStorage(rt.outDir, { textDays: 1, warcDays: 0 }, { now: Date.now() + 2 * 86_400_000 });
      expect(existsSync(path.join(rt.outDir, article!.file))).toBe(false);
      const pruned = await (await fetch(`${dash.url}/story/${article!.id}`)).text();
      expect(pruned).toMatch(/id="story-text-pruned">pruned <time[^>]*>[^<]+<\/time>: text retention 1 days</);
    } finally {
      await dash.close();
    }
    const lines: string[] = [];
    const exp = new ManifestExport(
      rt.outDir,
      { since: { kind: 'start' }, format: 'jsonl', withText: true },
      { write: (t: string) => lines.push(t) },
      { write: () => undefined },
    );
    await exp.drain();
    const out = lines.join('').trim().split('\n');
    expect(exportLineProblems(out)).toEqual([]);
    expect(JSON.parse(out[0]!)).toMatchObject({
      type: 'article',
      text: null,
      text_unavailable: 'pruned',
      pruned: { reason: 'text retention 1 days' },
    });
  });
});
