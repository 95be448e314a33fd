// The generic extractor on WCXB, the public multi-type web-content extraction benchmark
// (Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0): its development split, article
// pages only, scored as its README scores them (word F1: `\w+` of the lower-cased text, multiset
// overlap, against `main_content`). Its held-out test split is left alone: it is the hold-out.
// The set is read in place, never copied: TINWATCH_WCXB names either a checkout of the benchmark
// or its bare git directory (blobs are read with one `git cat-file --batch`); by default the
// reference material's `wcxb` folder. Without it the caller skips with one line.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { genericSource } from '../config/generic-source.js';
import { extractArticle } from '../src/extract/extract-article.js';
import { decodePage } from '../src/text/decode-page.js';
import { multisetPrf } from './extraction-scores.js';
import { referencePath } from './reference-material.js';

export const WCXB_DIR = process.env.TINWATCH_WCXB ?? referencePath('wcxb');

interface Truth {
  url: string;
  file_id: string;
  ground_truth?: { main_content?: string };
  _internal?: { page_type?: { primary?: string } };
}

export interface WcxbPage {
  id: string;
  url: string;
  pageType: string;
  truth: string;
  html: Buffer;
}

export interface WcxbScore {
  id: string;
  url: string;
  precision: number;
  recall: number;
  f1: number;
  /** Why nothing was written, when nothing was. */
  empty?: string;
  ms: number;
}

const isGitDir = (dir: string): boolean => existsSync(path.join(dir, 'HEAD')) && existsSync(path.join(dir, 'objects'));

/** One line saying what is missing, or null when the benchmark can be read. */
export function wcxbMissing(): string | null {
  if (isGitDir(WCXB_DIR) || existsSync(path.join(WCXB_DIR, 'metadata.json'))) return null;
  return `skipped: needs the WCXB benchmark (TINWATCH_WCXB: a checkout or its git directory; ${WCXB_DIR} not found)`;
}

/** Reads many paths of HEAD from a bare git directory in one process. */
function gitBlobs(gitDir: string, paths: string[]): Map<string, Buffer> {
  const out = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: paths.map((p) => `HEAD:${p}`).join('\n') + '\n',
    maxBuffer: 1 << 30,
  });
  const blobs = new Map<string, Buffer>();
  let at = 0;
  for (const p of paths) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString();
    const size = Number(header.split(' ')[2]);
    if (header.endsWith('missing') || !Number.isFinite(size)) {
      at = eol + 1;
      continue;
    }
    blobs.set(p, out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}

function listSplit(split: string): string[] {
  if (!isGitDir(WCXB_DIR)) return readdirSync(path.join(WCXB_DIR, split, 'ground-truth'));
  const names = execFileSync('git', ['--git-dir', WCXB_DIR, 'ls-tree', '--name-only', `HEAD:${split}/ground-truth`], {
    maxBuffer: 1 << 26,
  });
  return names.toString().split('\n').filter(Boolean);
}

/** The split's pages of one type (article by default), with their truth. */
export function readWcxb(split = 'dev', pageType = 'article'): WcxbPage[] {
  const ids = listSplit(split).map((f) => f.replace(/\.json$/, ''));
  const paths = ids.flatMap((id) => [`${split}/ground-truth/${id}.json`, `${split}/html/${id}.html.gz`]);
  const read = isGitDir(WCXB_DIR)
    ? gitBlobs(WCXB_DIR, paths)
    : new Map(paths.map((p) => [p, readFileSync(path.join(WCXB_DIR, p))]));
  const pages: WcxbPage[] = [];
  for (const id of ids) {
    const truthBytes = read.get(`${split}/ground-truth/${id}.json`);
    const html = read.get(`${split}/html/${id}.html.gz`);
    if (!truthBytes || !html) continue;
    const truth = JSON.parse(truthBytes.toString('utf8')) as Truth;
    const type = truth._internal?.page_type?.primary ?? 'unknown';
    const text = truth.ground_truth?.main_content;
    // A page without a main_content has nothing to score against.
    if ((pageType !== 'all' && type !== pageType) || !text) continue;
    // Two pages carry no URL: a placeholder on a reserved domain stands in.
    pages.push({
      id,
      url: truth.url || `https://wcxb.invalid/${id}`,
      pageType: type,
      truth: text,
      html: gunzipSync(html),
    });
  }
  return pages;
}

// The benchmark's own tokens: Python's `\w+` over the lower-cased text (Unicode letters, digits,
// marks and the underscore).
const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];

/** The generic extractor's body (lead and paragraphs) for one page, scored against its truth. */
export function scoreWcxbPage(page: WcxbPage): WcxbScore {
  const started = performance.now();
  let body = '';
  let why = 'empty body';
  try {
    const html = decodePage(page.html, 'text/html').text;
    const res = extractArticle(html, page.url, genericSource(page.url));
    if (res.ok) body = [res.article.lead ?? '', ...res.article.paragraphs].filter(Boolean).join('\n');
    else why = res.reason;
  } catch (err) {
    // The pipeline refuses a page it cannot decode: an empty output here too, with its cause.
    why = (err as Error).message;
  }
  const ms = performance.now() - started;
  const prf = multisetPrf(words(body), words(page.truth));
  return { id: page.id, url: page.url, ...prf, ms, ...(body ? {} : { empty: why }) };
}
