// One article for the commands that judge a single story (`alerts test`, `relevance explain`):
// a text file in the output format, a saved HTML page (its source picked by --url), or a live
// page fetched through the guarded fetcher and the origin map.
import { readEnv } from '../../config/env.js';
import { sourceForUrl } from '../../config/load-sources.js';
import { ConfigError } from '../../config/errors.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { createOriginMap } from '../../base/url/origin-map.js';
import { articleFromText } from '../../src/match/explain-rule.js';
import type { MatchableArticle } from '../../src/match/matchable.js';
import { readInputFile } from './input-files.js';

const looksLikeHtml = (text: string): boolean => /^\s*(<!doctype html|<html|<head|<body)/i.test(text);

function extracted(html: string, url: string): MatchableArticle {
  const source = sourceForUrl(url);
  if (!source) throw new ConfigError(`no source covers ${new URL(url).hostname}`);
  const res = extractArticle(html, url, source);
  if (!res.ok) throw new ConfigError(res.reason);
  return { title: res.article.title, lead: res.article.lead, body: res.article.paragraphs };
}

export async function loadArticleInput(opts: { file?: string; url?: string }): Promise<MatchableArticle> {
  if (opts.file) {
    const text = await readInputFile(opts.file);
    if (!looksLikeHtml(text)) return articleFromText(text);
    if (!opts.url)
      throw new ConfigError(`${opts.file} is an HTML page: pass --url URL (the address it was saved from)`);
    return extracted(text, opts.url);
  }
  if (!opts.url) throw new ConfigError('give a FILE or --url URL');
  const source = sourceForUrl(opts.url);
  if (!source) throw new ConfigError(`no source covers ${new URL(opts.url).hostname}`);
  // The crawler's fetchers load crawlee: only when a page is to be fetched.
  const { fetchOnePage } = await import('../../crawlers/fetch-one-page.js');
  const html = await fetchOnePage(source, createOriginMap(readEnv().TINWATCH_ORIGIN_MAP ?? {}), opts.url);
  return extracted(html, opts.url);
}
