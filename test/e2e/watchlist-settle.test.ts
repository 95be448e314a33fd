// A watchlist saved in two chunks is never applied half-written (issue 32): the first chunk ends
// on a whole line and parses, with five rules and the digests missing; the reload waits until the
// file has stood still for the settle time, then applies the whole file. A reload that removes
// many rules at once is logged as an error.
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { readWatchlist } from '../../config/load-watchlist.js';
import { createAlerts } from '../../src/alert/alert-setup.js';
import { followWatchlistFile } from '../../src/alert/watchlist-reload.js';
import { tempDir } from '../helpers/test-runtime.js';

const rule = (name: string, extra = '') =>
  `  - name: ${name}\n    query: '${name}'\n    channels: [log]\n${extra ? `    ${extra}\n` : ''}`;
const HEAD = 'channels:\n  log: { type: log }\nrules:\n';
const NAMES = ['kidd', 'opcon', 'ncg', 'drills', 'thaad', 'alliance'];
const full = (tag: string) =>
  HEAD + NAMES.map((n, i) => rule(`${n}${tag}`, i >= 4 ? 'digest: { everyMinutes: 60 }' : '')).join('');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchlist reload waits for a whole file', () => {
  it('a file saved in two chunks: rules unchanged after the first, the whole file applied after the rest', async () => {
    const file = path.join(tempDir('tw-settle'), 'watchlist.yaml');
    writeFileSync(file, full(''));
    const logs: { msg: string; level: number; removed?: string[] }[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l)) });
    const alerts = createAlerts(readWatchlist(file), () => undefined, log);
    const seen: number[] = [];
    const stop = followWatchlistFile(file, alerts, log, [(w) => void seen.push(w.rules.length)], {
      settleMs: 2_500,
    });
    const sampler = setInterval(() => seen.push(alerts.watchlist.rules.length), 50);
    try {
      await sleep(300);
      // A writer that saves in place, in two chunks: the first ends on a whole line and parses.
      const next = full('-v2');
      const cut = next.indexOf(rule('opcon-v2'));
      writeFileSync(file, next.slice(0, cut));
      expect(readWatchlist(file).rules).toHaveLength(1); // the half file is valid on its own
      await sleep(2_000); // the poll has seen the first chunk
      expect(alerts.watchlist.rules.map((r) => r.name)).toEqual(NAMES);
      appendFileSync(file, next.slice(cut));
      for (let i = 0; i < 200 && alerts.watchlist.rules[0]!.name !== 'kidd-v2'; i++) await sleep(50);
      expect(alerts.watchlist.rules.map((r) => r.name)).toEqual(NAMES.map((n) => `${n}-v2`));
      expect(alerts.watchlist.rules.filter((r) => r.digest)).toHaveLength(2);
      // Never fewer than six rules in force at any moment.
      expect(Math.min(...seen)).toBe(6);
      expect(logs.filter((l) => l.level >= 50)).toEqual([]);

      // A file that really drops five of six rules is applied once settled, and said loudly.
      writeFileSync(file, HEAD + rule('kidd-v2'));
      for (let i = 0; i < 200 && alerts.watchlist.rules.length !== 1; i++) await sleep(50);
      const loud = logs.find((l) => l.level >= 50);
      expect(loud?.msg).toMatch(/removes 5 of 6 rules at once/);
      expect(loud?.removed).toHaveLength(5);
    } finally {
      clearInterval(sampler);
      stop();
    }
  }, 30_000);
});
