// `tinwatch sources check`: what a user runs when an outlet changes its markup. Per source it
// fetches each feed and listing (how many article links each yields), then the first article
// found, and reports which selector produced each field, which fell back to the generic
// extractor, and what came out. Fetches go through the source's own fetcher (politeness
// headers, SSRF guard, origin map); nothing is written and Redis is not needed.
import type { SourceConfig } from '../../config/source-schema.js';
import { articleCandidates } from '../../crawlers/discovery/article-candidates.js';
import { discoveryLinks } from '../../crawlers/discovery/discovery-links.js';
import { newestChildren } from '../../crawlers/discovery/sitemap-parser.js';
import { searchUrl } from '../../crawlers/discovery/discovery-plan.js';
import { fetchOnePage } from '../../crawlers/fetch-one-page.js';
import { extractArticle, type ExtractField } from '../../src/extract/extract-article.js';
import type { OriginMap } from '../../base/url/origin-map.js';

export interface DiscoveryCheck {
  kind: 'feed' | 'sitemap' | 'listing' | 'search';
  url: string;
  /** Links on the page (feed items or anchors matching the listing selector). */
  links: number;
  /** Of those, links this source treats as its articles. */
  articles: number;
  error?: string;
}

export interface SourceCheck {
  sourceId: string;
  discovery: DiscoveryCheck[];
  article: {
    url: string;
    matched?: Record<ExtractField, string | null>;
    /** Fields whose selectors missed (fields the source names no selectors for are not listed). */
    fallbacks?: ExtractField[];
    /** Fields the source names no selectors for: read by the generic extractor by design. */
    generic?: ExtractField[];
    fields?: {
      title: string;
      publishedAt: string | null;
      author: string | null;
      section: string | null;
      credit: string | null;
      lead: string | null;
      paragraphs: number;
    };
    error?: string;
  } | null;
  /** Every discovery page answered, an article was found and extracted. */
  ok: boolean;
}

export async function checkSource(source: SourceConfig, originMap: OriginMap): Promise<SourceCheck> {
  const discovery: DiscoveryCheck[] = [];
  let first: string | null = null;
  // A sitemap index is represented by its newest child matching the source's pattern.
  const sitemapPages: { kind: 'sitemap'; url: string; linkSelector: string }[] = [];
  for (const s of source.discovery.sitemaps) {
    try {
      const { sitemapIndex } = discoveryLinks(
        'sitemap',
        await fetchOnePage(source, originMap, s.url),
        s.url,
        source.timezone,
      );
      const child = sitemapIndex ? newestChildren(sitemapIndex, s.childPattern, 1)[0] : s.url;
      if (child) sitemapPages.push({ kind: 'sitemap', url: child, linkSelector: '' });
      else discovery.push({ kind: 'sitemap', url: s.url, links: 0, articles: 0, error: 'no child sitemap matches' });
    } catch (err) {
      discovery.push({ kind: 'sitemap', url: s.url, links: 0, articles: 0, error: (err as Error).message });
    }
  }
  const pages = [
    ...source.discovery.feeds.map((url) => ({ kind: 'feed' as const, url, linkSelector: '' })),
    ...sitemapPages,
    ...source.discovery.listings.map((l) => ({ kind: 'listing' as const, url: l.url, linkSelector: l.linkSelector })),
    ...source.discovery.search.flatMap((s) =>
      s.queries.map((q) => ({
        kind: 'search' as const,
        url: searchUrl(s.urlTemplate, q),
        linkSelector: s.linkSelector,
      })),
    ),
  ];
  for (const p of pages) {
    try {
      const body = await fetchOnePage(source, originMap, p.url);
      const kind = p.kind === 'search' ? 'listing' : p.kind;
      const { links } = discoveryLinks(kind, body, p.url, source.timezone, p.linkSelector);
      const articles = articleCandidates(source, links);
      discovery.push({ kind: p.kind, url: p.url, links: links.length, articles: articles.length });
      first ??= articles[0]?.url ?? null;
    } catch (err) {
      discovery.push({ kind: p.kind, url: p.url, links: 0, articles: 0, error: (err as Error).message });
    }
  }
  let article: SourceCheck['article'] = null;
  if (first) {
    try {
      const res = extractArticle(await fetchOnePage(source, originMap, first), first, source);
      article = res.ok
        ? {
            url: first,
            matched: res.article.matched,
            fallbacks: res.article.fallbacks.filter((f) => source.extract[f].length > 0),
            generic: (Object.keys(res.article.matched) as ExtractField[]).filter((f) => source.extract[f].length === 0),
            fields: {
              title: res.article.title,
              publishedAt: res.article.publishedAt,
              author: res.article.author,
              section: res.article.section,
              credit: res.article.credit,
              lead: res.article.lead,
              paragraphs: res.article.paragraphs.length,
            },
          }
        : { url: first, error: res.reason };
    } catch (err) {
      article = { url: first, error: (err as Error).message };
    }
  }
  const ok = discovery.every((d) => !d.error) && !!article && !article.error;
  return { sourceId: source.id, discovery, article, ok };
}

const clip = (s: string | null, n = 90): string => (s === null ? '—' : s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function formatSourceCheck(c: SourceCheck): string {
  const note = c.article?.fallbacks?.length
    ? ' (fallbacks used)'
    : c.article?.generic?.length && c.article.generic.length === Object.keys(c.article.matched ?? {}).length
      ? ' (read by the generic extractor: no selectors)'
      : '';
  const out = [`${c.sourceId}: ${c.ok ? 'OK' : 'PROBLEM'}${note}`];
  for (const d of c.discovery) {
    out.push(
      d.error
        ? `  ${d.kind} ${d.url}: ERROR ${d.error}`
        : `  ${d.kind} ${d.url}: ${d.links} links, ${d.articles} article${d.articles === 1 ? '' : 's'} of this source`,
    );
  }
  const a = c.article;
  if (!a) out.push('  article: none found (no discovery page listed an article URL matching articleUrlPattern)');
  else if (a.error) out.push(`  article ${a.url}: ERROR ${a.error}`);
  else {
    out.push(`  article ${a.url}`);
    const value: Record<ExtractField, string> = {
      title: clip(a.fields!.title),
      lead: clip(a.fields!.lead),
      body: `${a.fields!.paragraphs} paragraphs`,
      date: clip(a.fields!.publishedAt),
      author: clip(a.fields!.author),
      section: clip(a.fields!.section),
      credit: clip(a.fields!.credit),
    };
    for (const f of Object.keys(value) as ExtractField[]) {
      const how = a.matched![f];
      const tag =
        how === null
          ? 'MISSING '
          : a.generic?.includes(f)
            ? 'generic '
            : how.startsWith('fallback:')
              ? 'FALLBACK'
              : 'selector';
      out.push(`    ${f.padEnd(8)} ${tag} ${how ?? ''}${how ? ' → ' : '→ '}${value[f]}`);
    }
  }
  return out.join('\n');
}
