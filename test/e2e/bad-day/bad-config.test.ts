// Bad day: a configuration file built to hurt (issue 32, finding 12). A YAML bomb (aliases of
// aliases) or a map nested 5,000 deep used to end `tinwatch start` with exit 1 and no file:line,
// where the docs promise exit 2 naming the file; a 60,000-rule watchlist held the process for
// seconds and took RSS past a gigabyte. Each now ends in one line naming the file (and the line
// where there is one), exit 2; the rule count is capped (TINWATCH_MAX_RULES), the cap named.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { readWatchlist } from '../../../config/load-watchlist.js';
import { readSourceFiles } from '../../../config/load-sources.js';
import { tempDir, testPrefix } from '../../helpers/test-runtime.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/tinwatch.js');

const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => {
    const prev = 'abcdefg'[i]!;
    return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  '',
].join('\n');
// A block map gains a column per level: 200 levels stay small; a compact sequence nests 5,000 on one line.
const DEEP_BLOCK = `${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n${' '.repeat(200)}v: 1\n`;
const DEEP_SEQUENCE = `rules:\n  ${'- '.repeat(5_000)}x\n`;
const DEEP_FLOW = `rules: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`;
const manyRules = (n: number): string =>
  `channels:\n  log: { type: log }\nrules:\n${Array.from({ length: n }, (_, i) => `  - { name: r${i}, query: w${i}, channels: [log] }`).join('\n')}\n`;

/** `tinwatch start` with this watchlist: exit code and stderr. */
async function startWith(file: string, env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const res = await run(process.execPath, [BIN, 'start'], {
    env: {
      ...process.env,
      REDIS_URL: inject('redisUrl'),
      TINWATCH_PREFIX: testPrefix(),
      TINWATCH_OUT: tempDir('tw-badcfg-out'),
      TINWATCH_WATCHLIST: file,
      LOG_LEVEL: 'silent',
      ...env,
    },
    timeout: 60_000,
  }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
  expect(res.stderr, 'no stack trace').not.toMatch(/\n\s+at |node:internal|Unhandled/);
  return res;
}

describe('bad day: a configuration file built to hurt', () => {
  const dir = tempDir('tw-badcfg');
  const file = (name: string, text: string): string => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };

  it.each([
    ['bomb.yaml', BOMB, /bomb\.yaml:2:\d+: not valid YAML: aliases expand past 100 times/],
    ['deep-flow.yaml', DEEP_FLOW, /deep-flow\.yaml:1:\d+: nested deeper than 64 levels/],
  ])(
    'start with %s exits 2 naming the file and line',
    async (name, text, said) => {
      const { code, stderr } = await startWith(file(name, text));
      expect(code).toBe(2);
      expect(stderr.trim().split('\n').at(-1)).toMatch(said);
    },
    120_000,
  );

  it('a deep block map or compact sequence is refused at the line it gets too deep', () => {
    expect(() => readWatchlist(file('deep.yaml', DEEP_BLOCK))).toThrow(/deep\.yaml:65:1: nested deeper than 64 levels/);
    expect(() => readWatchlist(file('deep-seq.yaml', DEEP_SEQUENCE))).toThrow(/deep-seq\.yaml:2:1: nested deeper/);
  });

  it('a source file built the same way is refused naming it', () => {
    const sources = path.join(dir, 'sources');
    mkdirSync(sources);
    writeFileSync(path.join(sources, 'evil.yaml'), BOMB);
    expect(() => readSourceFiles(sources)).toThrow(/evil\.yaml:2:\d+: not valid YAML: aliases/);
    writeFileSync(path.join(sources, 'evil.yaml'), DEEP_FLOW);
    expect(() => readSourceFiles(sources)).toThrow(/evil\.yaml:1:\d+: nested deeper/);
  });

  it('a 60,000-rule watchlist is refused unread at start, quickly and in little memory', async () => {
    const { code, stderr } = await startWith(file('huge.yaml', manyRules(60_000)));
    expect(code).toBe(2);
    expect(stderr).toMatch(/huge\.yaml: .* MB, more than a watchlist of 5000 rules \(TINWATCH_MAX_RULES\)/);
    const before = process.memoryUsage().rss;
    expect(() => readWatchlist(path.join(dir, 'huge.yaml'))).toThrow(/TINWATCH_MAX_RULES/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100e6);
  }, 120_000);

  it('past the configured cap the count and the file are named; at the cap it loads', () => {
    const over = file('over.yaml', manyRules(51));
    expect(() => readWatchlist(over, 50)).toThrow(
      /over\.yaml: 51 watch rules, more than the 50 allowed \(TINWATCH_MAX_RULES\)/,
    );
    expect(readWatchlist(file('at.yaml', manyRules(50)), 50).rules).toHaveLength(50);
  });
});
