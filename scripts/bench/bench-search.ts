// npm run bench:search: /search at archive scale. Writes BENCH_ARTICLES (default 20,400) synthetic
// articles (random syllables from a made-up vocabulary, ~350 per text) and their manifest lines
// into a temp out folder, then times, newest page of 25:
//   - the full scan (what /search did before the index): a query that matches nothing;
//   - building the syllable index once (the dashboard does it in the background), its heap;
//   - with the index: the same no-match query, a rare term, a common term, an AND of two terms.
// Each search timing is the median of 5 runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { draftRule } from '../../config/watchlist-schema.js';
import { searchArticles } from '../../src/search/article-search.js';
import { ManifestIndex } from '../../src/search/manifest-index.js';
import { SyllableIndex } from '../../src/search/syllable-index.js';

const N = Number(process.env.BENCH_ARTICLES ?? 20_400);
const ONSETS = [
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'h',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'nh',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const RIMES = [
  'a',
  'à',
  'á',
  'ai',
  'an',
  'ăn',
  'âm',
  'em',
  'ên',
  'i',
  'inh',
  'o',
  'ô',
  'ơi',
  'ung',
  'ương',
  'ưu',
  'ay',
  'iêt',
  'oc',
];
const VOCAB = ONSETS.flatMap((o) => RIMES.map((r) => o + r)); // 440 syllables

let seed = 42;
const rand = (n: number): number => (((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n) + n) % n;
// Zipf-like: low ranks common, high ranks rare.
const word = (): string => VOCAB[Math.floor(VOCAB.length * Math.pow(rand(10_000) / 10_000, 3))]!;
const sentence = (n: number): string => Array.from({ length: n }, word).join(' ');

function writeArchive(dir: string): void {
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const id = i.toString(16).padStart(16, '0');
    const file = `articles/${String(i).padStart(6, '0')}_${id}.txt`;
    const body = Array.from({ length: 6 }, () => sentence(50)).join('\n\n');
    writeFileSync(path.join(dir, file), `${sentence(10)}\n\n${sentence(30)}\n\n${body}\n`);
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    lines.push(
      JSON.stringify({
        type: 'article',
        schema_version: 2,
        seq: i,
        file,
        id,
        url: `https://o.example/${id}.html`,
        outlet: 'Báo Mẫu',
        source_id: 'mau',
        title: `bài ${i}`,
        published_at: at,
        written_at: at,
        matched_rules: [],
        relevance: { verdict: 'on', borderline: false, score: 0.9, reason: 'bench' },
        duplicate_of: null,
      }),
    );
  }
  writeFileSync(path.join(dir, 'manifest.jsonl'), `${lines.join('\n')}\n`);
}

async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const say = (line: string): boolean => process.stdout.write(`${line}\n`);

const dir = path.join(os.tmpdir(), `tw-bench-search-${process.pid}`);
try {
  writeArchive(dir);
  const rows = await new ManifestIndex(dir).articles();
  const page = { offset: 0, limit: 25 };
  const queries = {
    'no match': draftRule('"không có từ này"'),
    'rare term': draftRule(VOCAB.at(-1)!),
    'common term': draftRule(VOCAB[0]!),
    'two terms AND': draftRule(`${VOCAB[1]!} AND ${VOCAB.at(-2)!}`),
  };
  const scan = await median(3, () => searchArticles(dir, rows, { query: queries['no match'] }, page));
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const index = new SyllableIndex(dir);
  const t0 = performance.now();
  await index.update(rows);
  const build = performance.now() - t0;
  global.gc?.();
  const heap = (process.memoryUsage().heapUsed - heap0) / 1e6;
  say(`articles ${N}; machine ${os.cpus().length}× ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0]!.toFixed(1)}`);
  say(`full scan, no-match query (before): ${scan.toFixed(0)} ms`);
  say(`index build (once, background): ${build.toFixed(0)} ms, heap +${heap.toFixed(0)} MB`);
  for (const [name, q] of Object.entries(queries)) {
    let hits = 0;
    const ms = await median(5, async () => {
      hits = (await searchArticles(dir, rows, { query: q }, page, { mayMatch: index.mayMatch(q) })).hits.length;
    });
    say(`indexed, ${name}: ${ms.toFixed(1)} ms (${hits} hits on the page)`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
