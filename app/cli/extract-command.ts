// `tinwatch extract FILE… [--url URL] [--source ID] [--json]`: what tinwatch would write for saved
// pages, without Redis. Any page works: a host no source file covers is read by the generic
// extractor (said on stderr, and as `source: "generic"` in --json). Bytes are decoded the way the
// crawler decodes them (decodePage); the URL defaults to the canonical URL the page states; `-`
// reads the page from stdin. Several files print one after another (text) or one JSON object per
// line (--json), like trafilatura's CLI; exit 1 if any page gave no article.
import { load } from 'cheerio/slim';
import { genericSource } from '../../config/generic-source.js';
import { sourceById, sourceForUrl } from '../../config/load-sources.js';
import { ConfigError } from '../../config/errors.js';
import type { SourceConfig } from '../../config/source-schema.js';
import { decodePage } from '../../src/text/decode-page.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { renderArticleText } from '../../src/write/article-text.js';
import { readInputBytes } from './input-files.js';

export interface ExtractOptions {
  url?: string;
  source?: string;
  json?: boolean;
}

interface Output {
  write(text: string): unknown;
}

async function readBytes(file: string, stdin: AsyncIterable<Buffer | string>): Promise<Buffer> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
    return Buffer.concat(chunks);
  }
  return readInputBytes(file);
}

/** The absolute http(s) URL the page states as its own (canonical link, then og:url), or null. */
export function statedUrl(html: string): string | null {
  const $ = load(html);
  for (const raw of [$('link[rel="canonical"]').attr('href'), $('meta[property="og:url"]').attr('content')]) {
    try {
      const u = raw ? new URL(raw.trim()) : null;
      if (u && (u.protocol === 'http:' || u.protocol === 'https:')) return u.toString();
    } catch {
      // not a URL: try the next
    }
  }
  return null;
}

function pickSource(url: string, sourceId: string | undefined, stderr: Output): SourceConfig {
  if (sourceId) return sourceById(sourceId);
  const configured = sourceForUrl(url);
  if (configured) return configured;
  stderr.write(`tinwatch: no source file covers ${new URL(url).hostname}: generic extractor\n`);
  return genericSource(url);
}

/** Runs the command; returns the exit code (bad arguments throw ConfigError: exit 2). */
export async function runExtract(
  files: readonly string[],
  opts: ExtractOptions,
  io: { stdout: Output; stderr: Output; stdin: AsyncIterable<Buffer | string> },
): Promise<number> {
  let failed = 0;
  const many = files.length > 1;
  for (const [i, file] of files.entries()) {
    const label = file === '-' ? 'stdin' : file;
    let html: string;
    try {
      html = decodePage(await readBytes(file, io.stdin), 'text/html').text;
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      io.stderr.write(`tinwatch: ${label}: ${(err as Error).message}\n`);
      failed++;
      continue;
    }
    const url = opts.url ?? statedUrl(html);
    if (!url) throw new ConfigError(`${label}: the page states no canonical URL; pass --url URL`);
    const source = pickSource(url, opts.source, io.stderr);
    const res = extractArticle(html, url, source);
    if (!res.ok) {
      io.stderr.write(`tinwatch: ${many ? `${label}: ` : ''}${res.reason}\n`);
      failed++;
      continue;
    }
    if (opts.json) {
      const fields = { ...(many ? { file: label } : {}), source: source.id, url, ...res.article };
      io.stdout.write(many ? `${JSON.stringify(fields)}\n` : `${JSON.stringify(fields, null, 2)}\n`);
    } else {
      if (many) io.stdout.write(`${i > 0 ? '\n' : ''}==> ${label} <==\n`);
      io.stdout.write(`${renderArticleText(res.article)}${many ? '\n' : ''}`);
    }
  }
  return failed > 0 ? 1 : 0;
}
