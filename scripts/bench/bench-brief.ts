// npm run bench:brief: how long the daily briefing takes to build over 30 days of stored output.
// Writes BENCH_DAYS (30) days × BENCH_STORIES_PER_DAY (300) stories into a temp output folder, in
// the shape the pipeline writes: the project's own evaluation texts (evaluation/own-set) as the
// text files, article lines with relevance and matched rules, copies at 0–3 other outlets
// (duplicate lines), a follow-up the next day for one story in five and another outlet's own
// report for one in ten (related lines), one in twenty-five borderline. Then times, median of 5:
//   - baseline: reading and parsing every manifest line (ManifestIndex, what /search reads first),
//     the floor under anything built from the manifest;
//   - the thread index alone (loadThreadIndex, what a thread-once alert rule would load);
//   - the whole briefing (gatherBrief: one pass, threads ranked, 14-day coverage, leads read)
//     and rendering it to HTML (renderBrief), with the page's size.
// Redis stays out: health and marks are passed in empty (they are 20 hash reads).
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { gatherBrief, type BriefStores } from '../../src/brief/gather-brief.js';
import { renderBrief } from '../../src/brief/render-brief.js';
import { ManifestIndex } from '../../src/search/manifest-index.js';
import { loadThreadIndex } from '../../src/thread/load-thread-index.js';

const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const PER_DAY = Number(process.env.BENCH_STORIES_PER_DAY ?? 300);
const OUTLETS = Array.from({ length: 20 }, (_, i) => `outlet-${String(i).padStart(2, '0')}`);
const LAST_DAY = '2026-11-30';

const hex = (n: number): string => n.toString(16).padStart(16, '0');
const at = (day: number, minute: number): string =>
  new Date(Date.parse(`${LAST_DAY}T00:00:00+07:00`) - (DAYS - 1 - day) * 86_400_000 + minute * 60_000).toISOString();

function writeOutput(outDir: string): { articles: number; copies: number; related: number } {
  const texts = loadEvalArticles();
  mkdirSync(path.join(outDir, 'articles'), { recursive: true });
  const lines: string[] = [];
  let seq = 0;
  let copies = 0;
  let related = 0;
  let next = 1;
  const article = (day: number, minute: number, outlet: string, rel?: { id: string; kind: string }): string => {
    const id = hex(next++);
    const t = texts[seq % texts.length]!;
    const file = `articles/${String(seq).padStart(3, '0')}_${id}.txt`;
    writeFileSync(path.join(outDir, file), [t.title, t.lead ?? '', ...t.paragraphs].join('\n\n'));
    const time = at(day, minute);
    lines.push(
      JSON.stringify({
        type: 'article',
        schema_version: 3,
        seq: seq++,
        file,
        id,
        url: `https://${outlet}.vn/${id}.html`,
        canonical_url: `https://${outlet}.vn/${id}.html`,
        outlet,
        source_id: outlet,
        title: t.title,
        published_at: time,
        fetched_at: time,
        written_at: time,
        duplicate_of: null,
        relevance: { profile: 'korea-us-defence', verdict: 'on', borderline: seq % 25 === 0, score: 7, reason: 'r' },
        matched_rules: seq % 3 === 0 ? ['daily-overview'] : [],
        extraction: { fallbacks: [] },
        ...(rel ? { related: [{ ...rel, similarity: 0.4 }] } : {}),
        warc: null,
      }),
    );
    return id;
  };
  let pendingFollowUps: { id: string; outlet: string }[] = [];
  for (let day = 0; day < DAYS; day++) {
    const followUps = pendingFollowUps;
    pendingFollowUps = [];
    for (const f of followUps) {
      article(day, 60 + related, OUTLETS[(OUTLETS.indexOf(f.outlet) + 5) % OUTLETS.length]!, {
        id: f.id,
        kind: 'follow-up',
      });
      related++;
    }
    for (let k = 0; k < PER_DAY - followUps.length; k++) {
      const outlet = OUTLETS[k % OUTLETS.length]!;
      const minute = Math.floor((k * 1440) / PER_DAY);
      const id = article(day, minute, outlet);
      for (let c = 0; c < k % 4; c++) {
        const copyOutlet = OUTLETS[(k + c + 1) % OUTLETS.length]!;
        const copyId = hex(next++);
        lines.push(
          JSON.stringify({
            type: 'duplicate',
            schema_version: 3,
            id: copyId,
            url: `https://${copyOutlet}.vn/${copyId}.html`,
            outlet: copyOutlet,
            source_id: copyOutlet,
            title: 't',
            published_at: at(day, minute + 30 + c),
            fetched_at: at(day, minute + 30 + c),
            duplicate_of: { id, url: `https://${outlet}.vn/${id}.html`, outlet, written_at: at(day, minute) },
            match: { kind: 'near', similarity: 0.8, containment: 0.9 },
          }),
        );
        copies++;
      }
      if (k % 5 === 0) pendingFollowUps.push({ id, outlet });
      if (k % 10 === 3) {
        article(day, minute + 90, OUTLETS[(k + 7) % OUTLETS.length]!, { id, kind: 'same-event' });
        related++;
        k++;
      }
    }
  }
  writeFileSync(path.join(outDir, 'manifest.jsonl'), `${lines.join('\n')}\n`);
  return { articles: seq, copies, related };
}

async function median(label: string, f: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await f();
    runs.push(performance.now() - t0);
  }
  const m = runs.sort((a, b) => a - b)[2]!;
  process.stderr.write(`${label}: ${runs.map((r) => r.toFixed(0)).join(', ')} ms\n`);
  return m;
}

const outDir = path.join(os.tmpdir(), `tw-bench-brief-${process.pid}`);
try {
  const t0 = performance.now();
  const made = writeOutput(outDir);
  const writeMs = performance.now() - t0;
  const stores: BriefStores = {
    outDir,
    sources: OUTLETS.map((id) => ({ id, name: id })),
    health: async () => ({}),
    judged: async () => new Set<string>(),
  };
  const baseline = await median('baseline: parse every manifest line', async () =>
    new ManifestIndex(outDir).articles(),
  );
  const threads = await median('thread index', () => loadThreadIndex(outDir));
  let html = '';
  let threadCount = 0;
  const brief = await median('brief: gather + render', async () => {
    const b = await gatherBrief(stores, { day: LAST_DAY });
    threadCount = b.threads.length;
    html = renderBrief(b, { links: 'outlet' });
  });
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const report = `## Daily briefing — ${new Date().toISOString().slice(0, 10)}

Command: \`npm run bench:brief\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} · ${DAYS} days of synthetic output (the project's own evaluation texts): ${made.articles} stories, ${made.copies} copies, ${made.related} related (follow-ups, other outlets' reports), 20 outlets; written in ${(writeMs / 1000).toFixed(1)} s · median of 5

| step | ms (median of 5) |
|---|---:|
| baseline: read and parse every manifest line (ManifestIndex, what /search reads first) | ${baseline.toFixed(0)} |
| thread index alone (loadThreadIndex) | ${threads.toFixed(0)} |
| the whole briefing: gather (threads ranked, 14-day coverage, leads) + render | ${brief.toFixed(0)} |

The briefing of ${LAST_DAY}: ${threadCount} threads, page ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB; briefing / baseline ${(brief / baseline).toFixed(2)}×; heap after the runs ${heapMb.toFixed(0)} MB.
`;
  process.stdout.write(report);
  if (process.argv.includes('--write')) {
    const { writeBenchmarkSection } = await import('../../evaluation/benchmarks-file.js');
    writeBenchmarkSection(report);
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}
