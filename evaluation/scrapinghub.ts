// The generic extractor on the public ScrapingHub article-extraction benchmark
// (the reference material's extraction-benchmark), scored by the benchmark's own evaluate.py beside
// the peers' published outputs in the same run. The folder is copied to a scratch directory
// (evaluate.py reads output/*.json where it runs), tinwatch's output is added there, and the
// scorer runs over all of them; nothing of the set is kept in the project.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodePage } from '../src/text/decode-page.js';
import { genericSource } from '../config/generic-source.js';
import { extractArticle } from '../src/extract/extract-article.js';
import { referenceMissing, referencePath } from './reference-material.js';

export const BENCHMARK_DIR = referencePath('extraction-benchmark');

export interface BenchmarkRow {
  name: string;
  version: string;
  f1: number;
  precision: number;
  recall: number;
}

export interface BenchmarkRun {
  rows: BenchmarkRow[];
  /** Pages where tinwatch wrote nothing, with the reason. */
  empty: { id: string; reason: string }[];
  pages: number;
}

export function benchmarkMissing(): string | null {
  return referenceMissing(path.join(BENCHMARK_DIR, 'evaluate.py'), 'the ScrapingHub extraction benchmark');
}

/** tinwatch's body text for every page: lead and paragraphs (the benchmark's truth has no title). */
export function tinwatchOutput(): { output: Record<string, { articleBody: string }>; empty: BenchmarkRun['empty'] } {
  const truth = JSON.parse(readFileSync(path.join(BENCHMARK_DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string }
  >;
  const output: Record<string, { articleBody: string }> = {};
  const empty: BenchmarkRun['empty'] = [];
  for (const file of readdirSync(path.join(BENCHMARK_DIR, 'html'))) {
    const id = file.replace(/\.html\.gz$/, '');
    const url = truth[id]?.url;
    if (!url) continue;
    const html = decodePage(gunzipSync(readFileSync(path.join(BENCHMARK_DIR, 'html', file))), 'text/html').text;
    const res = extractArticle(html, url, genericSource(url));
    const body = res.ok ? [res.article.lead ?? '', ...res.article.paragraphs].filter(Boolean).join('\n') : '';
    if (!res.ok) empty.push({ id, reason: res.reason });
    output[id] = { articleBody: body };
  }
  return { output, empty };
}

/** Runs evaluate.py over tinwatch's output and the peers' (bootstrap rounds kept small: F1 is exact). */
export function runBenchmark(): BenchmarkRun {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tw-scrapinghub-'));
  try {
    cpSync(BENCHMARK_DIR, scratch, { recursive: true });
    const { output, empty } = tinwatchOutput();
    writeFileSync(path.join(scratch, 'output', 'tinwatch.json'), JSON.stringify(output));
    execFileSync('python3', ['evaluate.py', '--n-bootstrap', '50', '--output', 'results.json'], {
      cwd: scratch,
      stdio: 'ignore',
    });
    const results = JSON.parse(readFileSync(path.join(scratch, 'results.json'), 'utf8')) as Record<
      string,
      { f1: number; precision: number; recall: number; version: string }
    >;
    const rows = Object.entries(results)
      .map(([name, m]) => ({ name, version: m.version, f1: m.f1, precision: m.precision, recall: m.recall }))
      .sort((a, b) => b.f1 - a.f1);
    return { rows, empty, pages: Object.keys(output).length };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
