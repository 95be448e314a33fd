// The manifest contract: the published JSON Schema is the zod contract's, readers take lines of
// every version, and a line that breaks the contract is caught by the published schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestJsonSchema, parseManifestLine } from '../../src/write/manifest-entry.js';
import { manifestLineProblems } from '../helpers/manifest-validator.js';

const MANIFEST_SCHEMA_FILE = path.resolve(import.meta.dirname, '../../schemas/manifest-entry.schema.json');

const article = {
  type: 'article',
  schema_version: 2,
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
  written_at: '2026-08-20T08:06:01.000Z',
  content_hash: '0123456789abcdef',
  duplicate_of: null,
  relevance: { profile: 'p', verdict: 'on', borderline: false, score: 1, reason: 'r', top_terms: [], profiles: {} },
  matched_rules: [],
  extraction: { fallbacks: [] },
  warc: null,
};

describe('manifest contract', () => {
  it('publishes the JSON Schema generated from the contract (run npm run schemas after a change)', () => {
    expect(JSON.parse(readFileSync(MANIFEST_SCHEMA_FILE, 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(manifestJsonSchema())),
    );
  });

  it('the published schema takes a good line and names what is wrong in a bad one', () => {
    expect(manifestLineProblems([JSON.stringify(article)])).toEqual([]);
    // A partial article (body not found, title and lead written) says so; nothing else is allowed there.
    const partial = { ...article, extraction: { fallbacks: ['body'], partial: true } };
    expect(manifestLineProblems([JSON.stringify(partial)])).toEqual([]);
    expect(
      manifestLineProblems([JSON.stringify({ ...article, extraction: { fallbacks: [], partial: false } })]),
    ).toHaveLength(1);
    const bad = manifestLineProblems([
      JSON.stringify({ ...article, seq: 'seven' }),
      JSON.stringify({ ...article, schema_version: 1 }),
      JSON.stringify({ ...article, surprise: true }),
    ]);
    expect(bad).toHaveLength(3);
    expect(bad[0]).toMatch(/^line 1: .*seq/);
  });

  it('reads lines of every version, and refuses fragments', () => {
    const v1 = { ...article } as Record<string, unknown>;
    delete v1.schema_version;
    delete v1.warc;
    const read = parseManifestLine(JSON.stringify(v1));
    expect(read.ok && read.entry.schema_version).toBe(1);
    const v2 = parseManifestLine(JSON.stringify(article));
    expect(v2.ok && v2.entry.warc).toBeNull();
    expect(parseManifestLine('{"type":"article","id":"01').ok).toBe(false);
    expect(parseManifestLine('{"type":"other","id":"x","url":"u","outlet":"o"}').ok).toBe(false);
  });
});
