// Extraction scored on real pages as their outlets served them (the reference material's real-pages,
// read where it is, never copied here), the way that set's README scores them: title exact
// match after NFC, and body token F1 (tokens = \w+ of the NFC, lower-cased text; multiset
// overlap) of lead + paragraphs + credit against the reader's text. A page of an outlet with a
// source file is read with that source; any other with the generic extractor alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { genericSource } from '../config/generic-source.js';
import { sourceForUrl } from '../config/load-sources.js';
import { extractArticle } from '../src/extract/extract-article.js';
import { multisetPrf } from './extraction-scores.js';
import { referenceMissing, referencePath } from './reference-material.js';

export const REAL_PAGES_DIR = referencePath('real-pages');

export interface RealPageScore {
  name: string;
  url: string;
  /** The configured source's id, or "generic". */
  source: string;
  precision: number;
  recall: number;
  f1: number;
  titleExact: boolean;
  title: string | null;
  expectedTitle: string;
  error?: string;
}

/** The reason the real pages cannot be read (one line), or null when they can. */
export function realPagesMissing(): string | null {
  return referenceMissing(path.join(REAL_PAGES_DIR, 'urls.tsv'), 'the real pages');
}

const tokens = (s: string): string[] =>
  s
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];

/** Body token P/R/F1 as the set's README scores it. */
export function prf(got: string, want: string): { precision: number; recall: number; f1: number } {
  return multisetPrf(tokens(got), tokens(want));
}

export function scoreRealPages(): RealPageScore[] {
  const lines = readFileSync(path.join(REAL_PAGES_DIR, 'urls.tsv'), 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => {
    const [name, url] = line.split('\t') as [string, string];
    const truth = JSON.parse(readFileSync(path.join(REAL_PAGES_DIR, `${name}.truth.json`), 'utf8')) as {
      title: string;
      body: string[];
    };
    const configured = sourceForUrl(url);
    const source = configured ?? genericSource(url);
    const html = readFileSync(path.join(REAL_PAGES_DIR, `${name}.html`), 'utf8');
    const res = extractArticle(html, url, source);
    const base = { name, url, source: configured?.id ?? 'generic', expectedTitle: truth.title };
    if (!res.ok) return { ...base, precision: 0, recall: 0, f1: 0, titleExact: false, title: null, error: res.reason };
    const a = res.article;
    const got = [a.lead ?? '', ...a.paragraphs, a.credit ?? ''].join('\n');
    return {
      ...base,
      ...prf(got, truth.body.join('\n')),
      title: a.title,
      titleExact: a.title.normalize('NFC') === truth.title.normalize('NFC'),
    };
  });
}
