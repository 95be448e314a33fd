// Generic metadata every outlet may carry: JSON-LD NewsArticle, OpenGraph and <meta> tags. Used
// when a source's selectors miss, so a changed layout degrades to "fallback" instead of "empty".
import type { CheerioAPI } from 'cheerio';
import { cleanLine } from '../text/normalize.js';
import { query } from './query.js';

export interface PageMetadata {
  title?: string;
  description?: string;
  published?: string;
  author?: string;
  section?: string;
  articleBody?: string;
  canonical?: string;
  /** The page says it is an article: a JSON-LD article type, or og:type "article". */
  isArticle?: boolean;
}

// schema.org's article types: NewsArticle and its kinds (BBC writes ReportageNewsArticle,
// others AnalysisNewsArticle, OpinionNewsArticle…), Article, Report, blog and live-blog posts.
const ARTICLE_TYPES = /^(?:\w*NewsArticle|(?:Report|Scholarly|Tech)?Article|Report|BlogPosting|LiveBlogPosting)$/;

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function nameOf(v: unknown): string | undefined {
  for (const item of asArray(v)) {
    if (typeof item === 'string' && item.trim()) return item;
    if (item && typeof item === 'object' && 'name' in item && typeof item.name === 'string') return item.name;
  }
  return undefined;
}

function findArticle(node: unknown): Record<string, unknown> | undefined {
  for (const item of asArray(node)) {
    if (!item || typeof item !== 'object') continue;
    const rec = item as Record<string, unknown>;
    const types = asArray(rec['@type']).filter((t): t is string => typeof t === 'string');
    if (types.some((t) => ARTICLE_TYPES.test(t))) return rec;
    const nested = findArticle(rec['@graph']);
    if (nested) return nested;
  }
  return undefined;
}

function jsonLdArticle($: CheerioAPI): Record<string, unknown> | undefined {
  for (const el of query($, 'script[type="application/ld+json"]')) {
    const raw = $(el).text().trim();
    if (!raw) continue;
    try {
      // Some CMSs put raw newlines inside JSON strings; they are not valid JSON, so fold them.
      const found = findArticle(JSON.parse(raw.replace(/[\r\n\t]+/g, ' ')));
      if (found) return found;
    } catch {
      // Broken JSON-LD is common; the other metadata sources still apply.
    }
  }
  return undefined;
}

function meta($: CheerioAPI, ...selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const v = query($, sel)[0]?.attribs.content;
    if (v && cleanLine(v)) return cleanLine(v);
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && cleanLine(v) ? cleanLine(v) : undefined;
}

/** Whether an author string is the outlet's own name (the site name, or contained in it). */
function namesPublisher(author: string, siteName: string | undefined): boolean {
  if (!siteName) return false;
  const a = cleanLine(author).toLowerCase();
  const site = cleanLine(siteName).toLowerCase();
  return a.length > 0 && (site.includes(a) || a.includes(site));
}

/** The last link of a breadcrumb trail (read before navigation is dropped): the article's section. */
function breadcrumbSection($: CheerioAPI): string | undefined {
  const trail = query($, '[class*="breadcrumb"] a, [id*="breadcrumb"] a');
  const last = trail.at(-1);
  return last ? str($(last).text()) : undefined;
}

export function readPageMetadata($: CheerioAPI): PageMetadata {
  const ld = jsonLdArticle($);
  const out: PageMetadata = {};
  if (ld || meta($, 'meta[property="og:type"]')?.toLowerCase() === 'article') out.isArticle = true;
  const set = <K extends Exclude<keyof PageMetadata, 'isArticle'>>(k: K, v: string | undefined): void => {
    if (v) out[k] = v;
  };
  set('title', str(ld?.headline) ?? meta($, 'meta[property="og:title"]', 'meta[name="twitter:title"]'));
  set('description', str(ld?.description) ?? meta($, 'meta[property="og:description"]', 'meta[name="description"]'));
  set(
    'published',
    str(ld?.datePublished) ??
      meta(
        $,
        'meta[property="article:published_time"]',
        'meta[name="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="publishdate"]',
        'meta[property="og:article:published_time"]',
      ),
  );
  // Many outlets name themselves as the author ("Báo Nhân Dân"): that is the publisher, not a byline.
  const siteName = meta($, 'meta[property="og:site_name"]', 'meta[name="application-name"]') ?? nameOf(ld?.publisher);
  const author = nameOf(ld?.author) ?? meta($, 'meta[name="author"]', 'meta[property="article:author"]');
  if (author && !namesPublisher(author, siteName)) set('author', author);
  set('section', str(ld?.articleSection) ?? meta($, 'meta[property="article:section"]') ?? breadcrumbSection($));
  if (typeof ld?.articleBody === 'string') out.articleBody = ld.articleBody;
  set('canonical', query($, 'link[rel="canonical"]')[0]?.attribs.href ?? meta($, 'meta[property="og:url"]'));
  return out;
}
