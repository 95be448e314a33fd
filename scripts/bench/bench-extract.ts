// npm run bench:extract: extraction time per real page (the reference material's real pages, 200–500
// KiB as outlets serve them, read in place), tinwatch beside Mozilla Readability 0.6 on jsdom (the
// JavaScript peer) in the same run, with each one's body F1 on the same pages by the set's own
// scoring. Rounds alternate the contenders so machine load hits them alike; the median round is
// reported. Without the reference material it says so in one line and stops.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { genericSource } from '../../config/generic-source.js';
import { sourceForUrl } from '../../config/load-sources.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { prf, REAL_PAGES_DIR, realPagesMissing } from '../../evaluation/real-pages.js';

const ROUNDS = 7;

const missing = realPagesMissing();
if (missing) {
  process.stdout.write(`bench:extract ${missing}\n`);
  process.exit(0);
}
const pages = readFileSync(path.join(REAL_PAGES_DIR, 'urls.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [name, url] = line.split('\t') as [string, string];
    const html = readFileSync(path.join(REAL_PAGES_DIR, `${name}.html`), 'utf8');
    const truth = JSON.parse(readFileSync(path.join(REAL_PAGES_DIR, `${name}.truth.json`), 'utf8')) as {
      body: string[];
    };
    return { name, url, html, truth: truth.body.join('\n') };
  });
// jsdom reports CSS it cannot parse on the console; the benchmark has no use for that.
const quiet = new VirtualConsole();

const contenders: Record<string, (html: string, url: string) => string> = {
  'tinwatch (source file where configured, else generic)': (html, url) => {
    const r = extractArticle(html, url, sourceForUrl(url) ?? genericSource(url));
    return r.ok ? [r.article.lead ?? '', ...r.article.paragraphs, r.article.credit ?? ''].join('\n') : '';
  },
  'tinwatch generic only (no source file)': (html, url) => {
    const r = extractArticle(html, url, genericSource(url));
    return r.ok ? [r.article.lead ?? '', ...r.article.paragraphs, r.article.credit ?? ''].join('\n') : '';
  },
  'Mozilla Readability 0.6 + jsdom': (html, url) => {
    const dom = new JSDOM(html, { url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    dom.window.close();
    return article?.textContent ?? '';
  },
};

const times: Record<string, number[]> = {};
const f1: Record<string, number> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, extract] of Object.entries(contenders)) {
    const started = performance.now();
    let sum = 0;
    for (const p of pages) {
      const text = extract(p.html, p.url);
      if (round === 0) sum += prf(text, p.truth).f1;
    }
    (times[name] ??= []).push((performance.now() - started) / pages.length);
    if (round === 0) f1[name] = sum / pages.length;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = pages.map((p) => Buffer.byteLength(p.html) / 1024).sort((a, b) => a - b);
process.stdout.write(
  `${pages.length} real pages (${Math.round(kib[0]!)}–${Math.round(kib.at(-1)!)} KiB, median ${Math.round(median(kib))} KiB); ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; ${ROUNDS} alternating rounds\n\n`,
);
process.stdout.write('| extractor | ms per page (median round) | mean body F1 |\n|---|---:|---:|\n');
for (const name of Object.keys(contenders)) {
  process.stdout.write(`| ${name} | ${median(times[name]!).toFixed(1)} | ${f1[name]!.toFixed(3)} |\n`);
}
