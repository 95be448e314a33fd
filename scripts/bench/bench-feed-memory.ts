// npm run bench:feed: memory and time to read a huge feed (75,000 items, ~14 MB: under no cap
// but the page cap's order of size) with tinwatch's parser, which cuts the text after
// FEED_MAX_ITEMS items before building a DOM, beside the baseline of parsing the whole document
// into a DOM (what the parser did before the cap). Each runs in a child process of its own so
// its peak resident memory (maxRSS) is its own; an empty child gives the floor.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const ITEMS = 75_000;

function feed(): string {
  const parts = ['<?xml version="1.0"?><rss version="2.0"><channel>'];
  for (let i = 0; i < ITEMS; i++) {
    parts.push(
      `<item><title>Tin số ${i} về quốc phòng</title><link>https://vnexpress.net/tin-${4_000_000 + i}.html</link>` +
        `<pubDate>Fri, 27 Nov 2026 10:00:00 +0700</pubDate><description>Mô tả ngắn của tin</description></item>`,
    );
  }
  parts.push('</channel></rss>');
  return parts.join('');
}

const mode = process.argv[2];
if (mode) {
  const xml = feed();
  const started = performance.now();
  let items = 0;
  if (mode === 'tinwatch') {
    const { parseFeed } = await import('../../crawlers/discovery/feed-parser.js');
    items = parseFeed(xml, 'https://vnexpress.net/rss').length;
  } else if (mode === 'whole-dom') {
    const { load } = await import('cheerio');
    items = load(xml, { xml: true })('item').length;
  }
  const ms = performance.now() - started;
  process.stdout.write(
    JSON.stringify({ items, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, mb: xml.length / 1e6 }),
  );
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (m: string) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, m], { encoding: 'utf8' })) as {
      items: number;
      ms: number;
      maxRssMb: number;
      mb: number;
    };
  const floor = run('floor');
  process.stdout.write(
    `feed of ${ITEMS} items, ${floor.mb.toFixed(1)} MB; ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}\n`,
  );
  process.stdout.write(`| parser | items read | time | peak RSS above an empty run |\n|---|---:|---:|---:|\n`);
  for (const [name, m] of [
    ['whole document into a DOM (baseline)', 'whole-dom'],
    ['tinwatch: cut after 500 items, then a DOM', 'tinwatch'],
  ] as const) {
    const r = run(m);
    process.stdout.write(
      `| ${name} | ${r.items} | ${r.ms.toFixed(0)} ms | ${(r.maxRssMb - floor.maxRssMb).toFixed(0)} MB |\n`,
    );
  }
}
