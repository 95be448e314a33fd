// A minimal source for tests that build their own little site: one host, its RSS feed at
// /rss.xml (or the discovery given), articles with an <h1> title and an <article> body, and
// the page for one such article.
import { sourceSchema, type SourceConfig } from '../../config/source-schema.js';
import type { EvalArticle } from '../../scripts/eval/eval-set.js';

export function testSource(
  host: string,
  overrides: { discovery?: object; articleUrlPattern?: string; extract?: object } = {},
): SourceConfig {
  return sourceSchema.parse({
    id: host.split('.')[0],
    name: host,
    homepage: `https://${host}/`,
    hosts: [host],
    discovery: overrides.discovery ?? { feeds: [`https://${host}/rss.xml`] },
    articleUrlPattern: overrides.articleUrlPattern ?? '-\\d{7}\\.html$',
    extract: overrides.extract ?? { title: ['h1'], body: ['article'] },
    provenance: 'test',
  });
}

/** An eval-set article as a page testSource reads; `extra` goes between title and body. */
export function testArticlePage(a: EvalArticle, extra = ''): string {
  const paragraphs = [a.lead, ...a.paragraphs].map((p) => `<p>${p}</p>`).join('');
  return `<html><body><h1>${a.title}</h1>${extra}<article>${paragraphs}</article></body></html>`;
}
