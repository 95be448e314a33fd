import { describe, expect, it } from 'vitest';
import { readEnv } from '../../config/env.js';
import { ConfigError, loadSources, parseSources } from '../../config/load-sources.js';
import vnexpress from '../../config/sources/vnexpress.js';

describe('source configuration', () => {
  it('loads every bundled source', () => {
    expect(loadSources().map((s) => s.id)).toEqual(['vnexpress', 'baotintuc', 'kbs-vietnamese', 'military-com-vn']);
  });

  it('names the file and the field that is wrong', () => {
    const bad = { ...vnexpress, extract: { ...vnexpress.extract, title: [''] }, articleUrlPattern: '([' };
    let msg = '';
    try {
      parseSources({ 'broken.ts': bad });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      msg = (e as Error).message;
    }
    expect(msg).toContain('config/sources/broken.ts: articleUrlPattern: not a valid regular expression');
    expect(msg).toContain('config/sources/broken.ts: extract.title.0');
  });

  it('rejects unknown fields (typos) and duplicate ids', () => {
    expect(() => parseSources({ 'a.ts': { ...vnexpress, rendr: 'browser' } })).toThrow(
      /config\/sources\/a\.ts: \(root\): Unrecognized key: "rendr"/,
    );
    expect(() => parseSources({ 'a.ts': vnexpress, 'b.ts': vnexpress })).toThrow(
      /config\/sources\/b\.ts: id: "vnexpress" is already used by a\.ts/,
    );
  });
});

describe('environment', () => {
  it('applies defaults', () => {
    expect(readEnv({})).toMatchObject({ TINWATCH_OUT: 'out', TINWATCH_PREFIX: 'tw', LOG_LEVEL: 'info' });
  });
  it('names the variable that is wrong', () => {
    expect(() => readEnv({ REDIS_URL: 'nope' })).toThrow(/environment REDIS_URL/);
    expect(() => readEnv({ TINWATCH_ORIGIN_MAP: '{"https://a.vn": "not a url"}' })).toThrow(
      /environment TINWATCH_ORIGIN_MAP/,
    );
    expect(() => readEnv({ TINWATCH_PREFIX: 'a:b' })).toThrow(/environment TINWATCH_PREFIX/);
  });
});
