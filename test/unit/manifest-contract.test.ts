// The manifest contract: the published JSON Schemas are the zod contract's, every field is
// described, lines of every version validate (ajv, strict mode), a line that breaks the contract
// is caught, and readers take lines of every version.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_SCHEMA_VERSION, parseManifestLine, SCHEMA_HISTORY } from '../../src/write/manifest-entry.js';
import { manifestJsonSchemas } from '../../src/write/manifest-json-schemas.js';
import { exportLineProblems, lineProblems, manifestLineProblems } from '../helpers/manifest-validator.js';

const SCHEMAS = path.resolve(import.meta.dirname, '../../schemas');

const article = {
  type: 'article',
  schema_version: MANIFEST_SCHEMA_VERSION,
  seq: 7,
  file: 'articles/007_0123456789abcdef.txt',
  id: '0123456789abcdef',
  url: 'https://vnexpress.net/a-5112299.html',
  canonical_url: 'https://vnexpress.net/a-5112299.html',
  page_canonical: null,
  outlet: 'VnExpress',
  source_id: 'vnexpress',
  title: 'Tiêu đề',
  published_at: '2026-08-20T15:05:00+07:00',
  author: null,
  credit: null,
  section: null,
  fetched_at: '2026-08-20T08:06:00.000Z',
  written_at: '2026-08-20T08:06:01.123Z',
  content_hash: '0123456789abcdef',
  duplicate_of: null,
  relevance: { profile: 'p', verdict: 'on', borderline: false, score: 1, reason: 'r', top_terms: [], profiles: {} },
  matched_rules: [],
  extraction: { fallbacks: [] },
  warc: null,
};

const duplicate = {
  type: 'duplicate',
  schema_version: MANIFEST_SCHEMA_VERSION,
  id: 'fedcba9876543210',
  url: 'https://dantri.com.vn/b.htm',
  canonical_url: 'https://dantri.com.vn/b.htm',
  outlet: 'Dân trí',
  source_id: 'dantri',
  title: 'Tiêu đề',
  published_at: null,
  fetched_at: '2026-08-20T08:07:00.000Z',
  content_hash: '0123456789abcdef',
  duplicate_of: { id: article.id, url: article.url, outlet: article.outlet, written_at: article.written_at },
  match: { kind: 'near', similarity: 0.8, containment: 0.9 },
};

const tombstone = {
  type: 'tombstone',
  schema_version: MANIFEST_SCHEMA_VERSION,
  id: article.id,
  seq: 7,
  removed_at: '2026-09-20T00:00:00.000Z',
  reason: 'text retention 30 days',
  removed: { text: article.file, warc: null, bytes: 2048 },
};

const edit = {
  type: 'edit',
  schema_version: MANIFEST_SCHEMA_VERSION,
  id: article.id,
  seq: 7,
  revision: 2,
  file: 'articles/revisions/007_0123456789abcdef.r2.txt',
  previous_file: article.file,
  url: article.url,
  canonical_url: article.canonical_url,
  outlet: article.outlet,
  source_id: article.source_id,
  title: 'Tiêu đề mới',
  published_at: article.published_at,
  detected_by: 'scheduled',
  fetched_at: '2026-08-20T09:06:00.000Z',
  previous_fetched_at: article.fetched_at,
  written_at: '2026-08-20T09:06:01.456Z',
  content_hash: 'fedcba9876543210',
  previous_content_hash: article.content_hash,
  changed: { title: { before: article.title, after: 'Tiêu đề mới' }, lead: false, body: true },
  diff: {
    words_added: 1,
    words_removed: 0,
    paragraphs_added: 0,
    paragraphs_removed: 0,
    paragraphs_changed: 1,
    examples: [{ before: '', after: 'mới' }],
    summary: '+1 −0 words; 1 paragraph changed',
  },
  warc: null,
};

const without = (o: object, ...keys: string[]): object =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const lines = (...objs: object[]): string[] => objs.map((o) => JSON.stringify(o));

/** Paths of object properties in a schema that carry no description. */
function undescribed(schema: unknown, at = '#'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  for (const [k, v] of Object.entries((s.properties as Record<string, Record<string, unknown>>) ?? {})) {
    if (typeof v.description !== 'string' || v.description.length < 5) out.push(`${at}/properties/${k}`);
    out.push(...undescribed(v, `${at}/properties/${k}`));
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf'])
    for (const [i, sub] of [s[key]].flat().entries()) out.push(...undescribed(sub, `${at}/${key}/${i}`));
  return out;
}

describe('manifest contract', () => {
  const published = manifestJsonSchemas();

  it('publishes every schema generated from the contract, each with a resolvable relative $id (npm run schemas)', () => {
    for (const [file, schema] of Object.entries(published)) {
      expect(JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8'))).toEqual(JSON.parse(JSON.stringify(schema)));
      expect(schema.$id).toBe(file);
    }
  });

  it('describes every field and states the version history', () => {
    for (const [file, schema] of Object.entries(published)) {
      expect(undescribed(schema), file).toEqual([]);
      for (const h of SCHEMA_HISTORY) expect(String(schema.description)).toContain(`${h.version} (${h.since})`);
    }
  });

  it('takes every kind of line, of every version, in strict ajv', () => {
    const v2 = { ...article, schema_version: 2 };
    const v1 = without(article, 'schema_version', 'warc');
    const withNewFields = {
      ...article,
      extraction: { fallbacks: ['title'], partial: true },
      related: [{ id: 'fedcba9876543210', kind: 'same-event', similarity: 0.2 }],
    };
    expect(
      manifestLineProblems(
        lines(article, v2, v1, withNewFields, duplicate, without(duplicate, 'schema_version'), tombstone, edit),
      ),
    ).toEqual([]);
    expect(lineProblems('manifest-edit.schema.json', lines(edit))).toEqual([]);
    // An edit line is version 4 on: an older version, revision 1 or a file outside revisions/ is refused.
    const badEdits = lineProblems(
      'manifest-edit.schema.json',
      lines({ ...edit, schema_version: 3 }, { ...edit, revision: 1 }, { ...edit, file: article.file }),
    );
    expect(badEdits).toHaveLength(3);
    expect(lineProblems('manifest-article.schema.json', lines(article, v1))).toEqual([]);
    expect(lineProblems('manifest-tombstone.schema.json', lines(tombstone))).toEqual([]);
  });

  it('takes export --with-text lines: text, or null and why', () => {
    const good = lines(
      { ...article, text: 'Tiêu đề\n\nSapo' },
      { ...without(article, 'schema_version', 'warc'), text: 'v1' },
      { ...article, text: null, text_unavailable: 'pruned' },
      { ...article, text: null, text_unavailable: 'pruned', pruned: { removed_at: tombstone.removed_at, reason: 'r' } },
      duplicate,
      tombstone,
      edit,
    );
    expect(exportLineProblems(good)).toEqual([]);
    expect(manifestLineProblems(lines({ ...article, text: 'x' }))[0]).toMatch(/text/);
  });

  it('takes a partial article, whose mark is only ever true', () => {
    const partial = { ...article, extraction: { fallbacks: ['body'], partial: true } };
    expect(manifestLineProblems(lines(partial))).toEqual([]);
    expect(manifestLineProblems(lines({ ...article, extraction: { fallbacks: [], partial: false } }))).toHaveLength(1);
  });

  it('names what is wrong in a bad line', () => {
    const bad = manifestLineProblems(
      lines(
        { ...article, seq: 'seven' },
        { ...article, schema_version: 1 },
        { ...article, surprise: true },
        without(article, 'warc'),
        { ...duplicate, duplicate_of: null },
        { ...tombstone, schema_version: 2 },
        { ...article, type: 'other' },
      ),
    );
    expect(bad).toHaveLength(7);
    expect(bad[0]).toMatch(/^line 1: .*seq/);
    expect(bad[3]).toMatch(/warc/);
    expect(exportLineProblems(lines({ ...article, text: null, text_unavailable: 'lost' }))).toHaveLength(1);
  });

  it('reads lines of every version, and refuses fragments', () => {
    const read = parseManifestLine(JSON.stringify(without(article, 'schema_version', 'warc')));
    expect(read.ok && read.entry.schema_version).toBe(1);
    const current = parseManifestLine(JSON.stringify(article));
    expect(current.ok && current.entry.warc).toBeNull();
    const t = parseManifestLine(JSON.stringify(tombstone));
    expect(t.ok && t.entry.type).toBe('tombstone');
    expect(parseManifestLine('{"type":"article","id":"01').ok).toBe(false);
    expect(parseManifestLine('{"type":"other","id":"x","url":"u","outlet":"o"}').ok).toBe(false);
  });
});
