import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readEnv, setFlagSettings } from '../../config/env.js';
import { tempDir } from '../helpers/test-runtime.js';
import { checkSources, loadSources, parseSources, readSourceFiles, sourceById } from '../../config/load-sources.js';
import { ConfigError } from '../../config/errors.js';

const vnexpress = sourceById('vnexpress');

describe('source configuration', () => {
  it('loads every bundled source', () => {
    // One file per outlet in config/sources, in file-name order.
    expect(loadSources().map((s) => s.id)).toEqual([
      'baochinhphu',
      'baoquocte',
      'baotintuc',
      'bbc-vietnamese',
      'cand',
      'dantri',
      'kbs-vietnamese',
      'military-com-vn',
      'nhandan',
      'nld',
      'qdnd',
      'sggp',
      'thanhnien',
      'tienphong',
      'tuoitre',
      'vietnamplus',
      'vnexpress',
      'vov',
      'vtv',
      'znews',
    ]);
  });

  it('keeps the outlets read by the generic extractor free of extract selectors', () => {
    // Báo Chính phủ has selectors since they were checked against a page it served (docs/outlets.md).
    const generic = ['nhandan', 'cand', 'tienphong', 'vtv', 'sggp', 'bbc-vietnamese'];
    for (const s of loadSources().filter((x) => generic.includes(x.id)))
      expect(Object.values(s.extract).flat(), s.id).toEqual([]);
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

  it('publishes the JSON Schema generated from the zod contract (run npm run schemas after a change)', async () => {
    const { readFileSync } = await import('node:fs');
    const { sourceJsonSchema } = await import('../../config/source-schema.js');
    const published = JSON.parse(readFileSync(new URL('../../schemas/source.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(sourceJsonSchema())));
  });

  it('names the file, line and column of a mistake in a YAML source', () => {
    const dir = tempDir('tw-sources');
    writeFileSync(
      path.join(dir, 'x.yaml'),
      [
        'id: x',
        'name: X',
        'homepage: https://x.example/',
        'hosts: [x.example]',
        'discovery: { feeds: [https://x.example/rss] }',
        "articleUrlPattern: '^https://x\\.example/.+'",
        'extract:',
        "  title: ['h1[']",
        'provenance: test',
        '',
      ].join('\n'),
    );
    expect(() => checkSources(readSourceFiles(dir))).toThrow(
      /x\.yaml:8:11: extract\.title\.0: not a valid CSS selector/,
    );
    const broken = tempDir('tw-sources');
    writeFileSync(path.join(broken, 'y.yaml'), 'id: y\nname: [unclosed\n');
    expect(() => readSourceFiles(broken)).toThrow(/y\.yaml:3:1: not valid YAML: /);
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

  it('takes flags over the environment over the settings file over the defaults', () => {
    const file = path.join(tempDir('tw-settings'), 'tinwatch.json');
    writeFileSync(file, JSON.stringify({ TINWATCH_OUT: 'from-file', TINWATCH_PREFIX: 'filep', TINWATCH_WARC: 'off' }));
    const env = { TINWATCH_SETTINGS: file, TINWATCH_PREFIX: 'envp', TINWATCH_OUT: 'from-env' };
    try {
      expect(readEnv(env)).toMatchObject({ TINWATCH_OUT: 'from-env', TINWATCH_PREFIX: 'envp', TINWATCH_WARC: 'off' });
      setFlagSettings({ TINWATCH_OUT: 'from-flag' });
      expect(readEnv(env)).toMatchObject({ TINWATCH_OUT: 'from-flag', TINWATCH_PREFIX: 'envp', LOG_LEVEL: 'info' });
    } finally {
      setFlagSettings({});
    }
  });

  it('names the settings file, the line and the field that is wrong', () => {
    const dir = tempDir('tw-settings-bad');
    const bad = (name: string, text: string): string => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const unknown = bad('unknown.json', '{\n  "TINWATCH_OUT": "x",\n  "TINWATCH_OTU": "y"\n}\n');
    expect(() => readEnv({ TINWATCH_SETTINGS: unknown })).toThrow(
      /unknown\.json:3: TINWATCH_OTU: not a tinwatch setting/,
    );
    const broken = bad('broken.json', '{\n  "TINWATCH_OUT": "x"\n  "LOG_LEVEL": "info"\n}\n');
    expect(() => readEnv({ TINWATCH_SETTINGS: broken })).toThrow(/broken\.json:3: not valid JSON/);
    const wrong = bad('wrong.json', '{ "TINWATCH_WARC": "maybe" }');
    expect(() => readEnv({ TINWATCH_SETTINGS: wrong })).toThrow(/wrong\.json:1: TINWATCH_WARC/);
    expect(() => readEnv({ TINWATCH_SETTINGS: path.join(dir, 'none.json') })).toThrow(/none\.json: cannot read/);
  });
});

describe('watchlist configuration', () => {
  it('loads the bundled watchlist', async () => {
    const { loadWatchlist } = await import('../../config/load-watchlist.js');
    expect(loadWatchlist().rules.map((r) => r.name)).toContain('kidd');
  });

  it('names the file, line, rule and field that is wrong', async () => {
    const { parseWatchlistText } = await import('../../config/load-watchlist.js');
    const text = [
      'channels:',
      '  log: { type: log }',
      '  hook: { type: webhook }',
      'rules:',
      '  - { name: ok, query: KIDD, channels: [log] }',
      '  - name: broken-query',
      `    query: '"răn đe'`,
      '    channels: [log]',
      '  - { name: bad-channel, query: OPCON, channels: [pager] }',
      `  - { name: bad-digest, query: GSOMIA, channels: [log], digest: { dailyAt: '25:00' } }`,
      '',
    ].join('\n');
    let msg = '';
    try {
      parseWatchlistText(text, 'w.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      msg = (e as Error).message;
    }
    expect(msg).toContain('w.yaml:7:12: rule "broken-query" query: unclosed quote at 0');
    expect(msg).toContain('w.yaml:9:51: rule "bad-channel" channels.0: rule "bad-channel": unknown channel "pager"');
    expect(msg).toContain('w.yaml:10:76: rule "bad-digest" digest.dailyAt: HH:MM (Asia/Ho_Chi_Minh)');
    expect(msg).toContain('w.yaml:3:9: channel "hook" (channel): channel "hook": give exactly one of url and urlEnv');
  });

  it('names the line of a YAML syntax error, and a field the schema does not know', async () => {
    const { parseWatchlistText } = await import('../../config/load-watchlist.js');
    expect(() => parseWatchlistText('channels:\n  log: { type: log\nrules: []\n', 'w.yaml')).toThrow(
      /^w\.yaml:3:\d+: not valid YAML: /,
    );
    expect(() =>
      parseWatchlistText(
        'channels: { log: { type: log } }\nrules:\n  - { name: a, qeury: x, channels: [log] }\n',
        'w.yaml',
      ),
    ).toThrow(/w\.yaml:3:23: rule "a" \(rule\): Unrecognized key: "qeury"/);
  });

  it('publishes the JSON Schema generated from the zod contract (run npm run schemas after a change)', async () => {
    const { readFileSync } = await import('node:fs');
    const { watchlistJsonSchema } = await import('../../config/watchlist-schema.js');
    const published = JSON.parse(readFileSync(new URL('../../schemas/watchlist.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(watchlistJsonSchema())));
  });
});

describe('heap budget', () => {
  it('is the same number in config/pipeline.ts, the Dockerfile and the npm scripts that run tinwatch', async () => {
    const { readFileSync } = await import('node:fs');
    const { PIPELINE } = await import('../../config/pipeline.js');
    const flag = `--max-old-space-size=${PIPELINE.heapBudgetMb}`;
    const root = new URL('../..', import.meta.url);
    expect(readFileSync(new URL('Dockerfile', root), 'utf8')).toContain(`NODE_OPTIONS=${flag}`);
    const scripts = (
      JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of ['start', 'tinwatch', 'demo'])
      expect(scripts[name], name).toContain(`node ${flag} bin/tinwatch.js`);
  });
});
