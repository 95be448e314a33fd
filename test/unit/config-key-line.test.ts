// A config error points at the offending key's line: an unknown key, top-level or nested, is
// reported where it is written, not at the file's (or its parent's) first line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWatchlistText } from '../../config/load-watchlist.js';
import { issuePath } from '../../config/yaml-config.js';

const WATCHLIST = path.resolve(import.meta.dirname, '../../config/watchlist.yaml');

describe('config errors name the line of an unknown key', () => {
  it('points an unknown top-level key at its own line', () => {
    const text = readFileSync(WATCHLIST, 'utf8').replace(/\n*$/, '\n');
    const line = text.split('\n').length; // the appended key's line
    expect(() => parseWatchlistText(`${text}bogus_key: 1\n`, 'watchlist.yaml')).toThrow(
      new RegExp(`watchlist\\.yaml:${line}:\\d+: .*bogus_key`),
    );
  });

  it('adds the unknown key to the issue path, and leaves other issues alone', () => {
    expect(issuePath({ path: ['rules', 0], code: 'unrecognized_keys', keys: ['extra'] })).toEqual([
      'rules',
      0,
      'extra',
    ]);
    expect(issuePath({ path: ['rules', 0, 'query'], code: 'invalid_type' })).toEqual(['rules', 0, 'query']);
  });
});
