// `tinwatch alerts backtest` and `alerts test --query` as users run them, in a child process,
// over an out folder written as tinwatch writes one.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-runtime.js';
import { writtenOut } from '../helpers/written-out.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tinwatch.js');
const out = writtenOut();

async function tinwatch(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, '--out', out, ...args], { env: { ...process.env, ...env } });
    return { code: 0, ...r };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('alerts backtest', () => {
  it('runs a draft query over the written articles, highlighted, and counts the hits', async () => {
    const r = await tinwatch(['alerts', 'backtest', '--query', 'Hàn AND (Seoul OR KIDD)']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đối thoại quốc phòng tích hợp Hàn - Mỹ họp tại Washington');
    expect(r.stdout).toMatch(/«Hàn»/);
    expect(r.stdout).toMatch(
      /^2 of 4 written articles match the query .*; 1 text files removed by retention were not read$/m,
    );
    // Newest written first.
    expect(r.stdout.indexOf('Washington')).toBeLessThan(r.stdout.indexOf('mùa thu'));
  });

  it('runs a rule of the watchlist in use, and narrows by outlet and day', async () => {
    const dir = tempDir('tw-wl');
    const file = path.join(dir, 'w.yaml');
    writeFileSync(
      file,
      'channels: { log: { type: log } }\nrules:\n  - { name: drills, query: \'"tập trận"\', channels: [log] }\n',
    );
    const r = await tinwatch(['alerts', 'backtest', 'drills', '--outlet', 'mau', '--to', '2026-08-21'], {
      TINWATCH_WATCHLIST: file,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 of 4 written articles match the rule drills: "tập trận"$/m);
  });

  it('runs a concept, and says what each line of it found', async () => {
    const r = await tinwatch(['alerts', 'backtest', '--query', '@korea-defence-minister OR "tập trận"']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 of 4 written articles match the query /m);
    expect(r.stdout).toMatch(/^concept @korea-defence-minister: articles each line found \(and found alone\)$/m);
    expect(r.stdout).toMatch(/^ {2}alias +bộ trưởng Quốc phòng Hàn Quốc +0 {2}\(0 alone\)$/m);
    expect(r.stdout).toMatch(/^ {2}person +Ahn Gyu\{-\|\}back +0 {2}\(0 alone\)$/m);
    const bad = await tinwatch(['alerts', 'backtest', '--query', '@nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no concept "nope" in config\/concepts/);
  });

  it('says what is wrong in one line with exit 2', async () => {
    for (const [args, message] of [
      [['alerts', 'backtest', '--query', '"unclosed'], /--query: unclosed quote at 0/],
      [['alerts', 'backtest'], /give a rule name or --query/],
      [['alerts', 'backtest', 'nosuchrule'], /unknown rule "nosuchrule" \(known: /],
      [['alerts', 'backtest', '--query', 'x', '--from', '21/08/2026'], /--from: "21\/08\/2026" is not a day/],
    ] as const) {
      const r = await tinwatch([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('alerts test --query', () => {
  it('explains a draft query on one article', async () => {
    const r = await tinwatch([
      'alerts',
      'test',
      '--query',
      'KIDD OR GSOMIA',
      '--text',
      path.join(out, 'articles/002_00000000000000a3.txt'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rule draft: MATCH$/m);
    expect(r.stdout).toMatch(/"GSOMIA": not found/);
  });
});
