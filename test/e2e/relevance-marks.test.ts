// Borderline stories on the dashboard: a person marks them on or off over real HTTP; a form
// posted from another origin is refused; `tinwatch relevance marks` exports the marks with the
// story text, which the eval reads back as labelled examples.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMarks } from '../../evaluation/real-relevance-sets.js';
import { startDashboard, type Dashboard } from '../../app/dashboard/dashboard.js';
import { exportMarks } from '../../src/relevance/relevance-marks.js';
import { articlesDir, manifestPath } from '../../src/write/article-files.js';
import { tempDir, testRuntime } from '../helpers/test-runtime.js';

const FILE = '000001_0123456789abcdef.txt';
const STORY = 'story-borderline-1';

describe('borderline marks', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let dash: Dashboard;
  let markAt: string;

  beforeAll(async () => {
    const out = tempDir('tw-marks');
    mkdirSync(articlesDir(out), { recursive: true });
    writeFileSync(
      path.join(articlesDir(out), FILE),
      'Mỹ, Hàn Quốc và Nhật Bản tập trận phòng thủ tên lửa\n\nBa nước diễn tập ngoài khơi.\n',
    );
    const entry = {
      type: 'article',
      seq: 1,
      file: `articles/${FILE}`,
      id: STORY,
      url: 'https://example.vn/a.html',
      outlet: 'Example',
      source_id: 'example',
      title: 'Mỹ, Hàn Quốc và Nhật Bản tập trận phòng thủ tên lửa',
      published_at: null,
      matched_rules: [],
      relevance: { profile: 'korea-us-defence', verdict: 'borderline', borderline: true, score: 5, reason: 'near' },
    };
    writeFileSync(manifestPath(out), `${JSON.stringify(entry)}\n`);
    rt = await testRuntime({ outDir: out, outFolder: 'none' });
    dash = await startDashboard(rt, { port: 0 });
    markAt = `${dash.url}/relevance/mark`;
  });
  afterAll(async () => {
    await dash?.close();
    await rt?.cleanup();
  });

  const post = (headers: Record<string, string>, label = 'on') =>
    fetch(markAt, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ id: STORY, label }).toString(),
    });

  it('lists the borderline story with mark buttons', async () => {
    const html = await (await fetch(dash.url)).text();
    expect(html).toContain(`<tr data-story="${STORY}">`);
    expect(html).toContain('action="/relevance/mark"');
  });

  it('refuses a mark posted from another origin, or with no origin at all', async () => {
    expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect(await exportMarks(rt.redis, rt.keys, rt.outDir)).toBe('');
  });

  it('takes a same-origin mark, refuses a bad label, and exports it with the text', async () => {
    expect((await post({ origin: new URL(dash.url).origin }, 'maybe')).status).toBe(400);
    const res = await post({ origin: new URL(dash.url).origin, 'sec-fetch-site': 'same-origin' }, 'off');
    expect(res.status).toBe(303);
    const exported = await exportMarks(rt.redis, rt.keys, rt.outDir);
    const mark = JSON.parse(exported.trim()) as { id: string; label: string; text: string };
    expect(mark).toMatchObject({ id: STORY, label: 'off' });
    expect(mark.text).toContain('Ba nước diễn tập');
    const file = path.join(tempDir('tw-marks-export'), 'marks.jsonl');
    writeFileSync(file, exported);
    const items = loadMarks(file);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      label: 'OFF',
      input: { title: 'Mỹ, Hàn Quốc và Nhật Bản tập trận phòng thủ tên lửa' },
    });
    const html = await (await fetch(dash.url)).text();
    expect(html).toMatch(new RegExp(`data-story="${STORY}">.*<td class="mark">off</td>`, 's'));
  });
});
