// npm run bench:decode: what choosing a page's charset by its text costs (decode-page.ts), beside
// the plain UTF-8 decode every page needs anyway (the baseline, in the same run). Reads the real
// pages in ../shared/reference/real-pages (never copied here); without them it says so and stops.
// Rounds alternate baseline and decodePage so drift in machine load hits both alike.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePage } from '../../crawlers/decode-page.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = path.resolve(ROOT, '../shared/reference/real-pages');
const ROUNDS = 10;
const PER_ROUND = 30;

if (!existsSync(PAGES)) {
  process.stdout.write(
    `bench:decode skipped: ${PAGES} is absent (the real pages live beside the project, not in it)\n`,
  );
  process.exit(0);
}
const pages = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(path.join(PAGES, f)));
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
