// npm run bench:decode: what choosing a page's charset by its text costs (decode-page.ts), beside
// the plain UTF-8 decode every page needs anyway (the baseline, in the same run). Reads the real
// real pages of the reference material (never copied here); without them it says so and stops.
// Rounds alternate baseline and decodePage so drift in machine load hits both alike.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodePage } from '../../src/text/decode-page.js';
import { REAL_PAGES_DIR, realPagesMissing } from '../../evaluation/real-pages.js';

const ROUNDS = 10;
const PER_ROUND = 30;

const missing = realPagesMissing();
if (missing) {
  process.stdout.write(`bench:decode ${missing}\n`);
  process.exit(0);
}
const pages = readdirSync(REAL_PAGES_DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(path.join(REAL_PAGES_DIR, f)));
const utf8 = new TextDecoder('utf-8', { fatal: true });
const contenders = {
  'plain UTF-8 decode (baseline)': (p: Buffer) => utf8.decode(p),
  'decodePage (charset by text)': (p: Buffer) => decodePage(p, 'text/html; charset=utf-8'),
};
const perPage: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, decode] of Object.entries(contenders)) {
    const start = process.hrtime.bigint();
    for (let r = 0; r < PER_ROUND; r++) for (const p of pages) decode(p);
    const ms = Number(process.hrtime.bigint() - start) / 1e6 / (PER_ROUND * pages.length);
    (perPage[name] ??= []).push(ms);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = Math.round(pages.reduce((s, p) => s + p.length, 0) / pages.length / 1024);
process.stdout.write(
  `${pages.length} real pages, mean ${kib} KiB; ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}\n`,
);
for (const [name, xs] of Object.entries(perPage)) {
  process.stdout.write(`${name}: median ${median(xs).toFixed(3)} ms/page\n`);
}
