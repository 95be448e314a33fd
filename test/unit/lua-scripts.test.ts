// Redis scripts: named .lua files with a KEYS/ARGV header, read once, defined once per connection
// and run by EVALSHA; constants come from TypeScript as `local` lines; every file ships in dist/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineLuaScript, luaCommand, luaSource } from '../../base/redis/lua-script.js';
import { CLAIM_SCRIPT } from '../../src/dedupe/claim-script.js';
import { testRuntime } from '../helpers/test-runtime.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PRODUCT = ['app', 'workers', 'pipeline', 'crawlers', 'src', 'base', 'config'];

function luaFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return luaFiles(rel);
    return e.name.endsWith('.lua') ? [rel] : [];
  });
}

describe('Lua scripts', () => {
  const all = PRODUCT.flatMap(luaFiles);

  it('live in .lua files, each opening with a header that states its input or its functions', () => {
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const file of all) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      expect(text.startsWith('--[['), file).toBe(true);
      const header = text.slice(0, text.indexOf(']]'));
      expect(/KEYS(\[1\]|:)/.test(header) || /Functions:/.test(header), file).toBe(true);
    }
  });

  it('are not written inside TypeScript any more, nor run by raw EVAL', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (e.name.endsWith('.ts')) {
          const text = readFileSync(path.join(ROOT, rel), 'utf8');
          if (/redis\.call\(|\.eval\(|\.evalsha\(/.test(text)) offenders.push(rel);
        }
      }
    };
    PRODUCT.forEach(walk);
    expect(offenders).toEqual([]);
  });

  it('puts constants before the files as local lines and refuses names Lua could confuse', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tinwatch-lua-'));
    const file = path.join(dir, 'x.lua');
    writeFileSync(file, 'return LIMIT');
    expect(luaSource([pathToFileURL(file)], { LIMIT: 8, NAME: 'a"b' })).toBe(
      'local LIMIT = 8\nlocal NAME = "a\\"b"\nreturn LIMIT',
    );
    expect(() => luaSource([pathToFileURL(file)], { limit: 1 })).toThrow(/UPPER_CASE/);
    expect(() => luaSource([pathToFileURL(file)], { LIMIT: Number.NaN })).toThrow(/not finite/);
  });

  it('the dedupe claim runs lead-facts, same-story and claim-story as one script with their constants', () => {
    expect(CLAIM_SCRIPT.source).toMatch(
      /^local FACT_BLOOM_BITS = \d+\nlocal TEMPLATE_WORDS = 4\nlocal MAX_OWNERS = 8\n/,
    );
    const order = ['local function fact_known', 'local function same_story', "local layout = redis.call('GET'"];
    const at = order.map((s) => CLAIM_SCRIPT.source.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  describe('against Redis', () => {
    let rt: Awaited<ReturnType<typeof testRuntime>>;
    beforeAll(async () => {
      rt = await testRuntime();
    });
    afterAll(async () => {
      await rt.cleanup();
    });

    it('defines a script once per connection and runs it by its SHA', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'tinwatch-lua-'));
      const file = path.join(dir, 'add.lua');
      writeFileSync(
        file,
        "--[[ Input: KEYS[1] a counter; ARGV[1] a step ]]\nreturn redis.call('INCRBY', KEYS[1], ARGV[1] * STEP)",
      );
      const script = defineLuaScript<(key: string, by: number) => Promise<number>>({
        name: 'tinwatchTestAdd',
        files: [pathToFileURL(file)],
        numberOfKeys: 1,
        constants: { STEP: 2 },
      });
      // Read once: editing the file afterwards changes nothing for this process.
      writeFileSync(file, 'return 0');
      const key = `${rt.keys.prefix}:lua-test`;
      const add = luaCommand(rt.redis, script);
      expect(await add(key, 3)).toBe(6);
      expect(luaCommand(rt.redis, script)).not.toBe(add); // a new bound function, same command
      expect(await luaCommand(rt.redis, script)(key, 1)).toBe(8);
      const sha = createHash('sha1').update(script.source).digest('hex');
      expect(await rt.redis.script('EXISTS', sha)).toEqual([1]);
      await rt.redis.del(key);
    });
  });

  it('ship in the build: every .lua file is copied into dist/ at its path', () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build/copy-lua-files.mjs')], { cwd: ROOT });
    for (const file of all) {
      const built = path.join(ROOT, 'dist', file);
      expect(existsSync(built), file).toBe(true);
      expect(readFileSync(built, 'utf8')).toBe(readFileSync(path.join(ROOT, file), 'utf8'));
    }
  });
});
