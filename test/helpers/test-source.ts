// A minimal source for tests that build their own little site: one host, its RSS feed at
// /rss.xml (or the discovery given), articles with an <h1> title and an <article> body, and
// the page for one such article.
import { sourceSchema, type SourceConfig } from '../../config/source-schema.js';
import { loadEvalArticles, type EvalArticle } from '../../evaluation/own-eval-set.js';
import { classifyTopics } from '../../src/relevance/classify-topics.js';

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

/**
 * The eval set's on-topic articles that the classifier also takes as on topic: pages whose fate
 * in a test should depend only on what the test does to them.
 */
export function classifiedOnTopicArticles(): EvalArticle[] {
  return loadEvalArticles().filter(
    (a) => a.onTopic && classifyTopics({ title: a.title, lead: a.lead, body: a.paragraphs }).best.onTopic,
  );
}

/** An eval-set article as a page testSource reads; `extra` goes between title and body. */
export function testArticlePage(a: EvalArticle, extra = ''): string {
  const paragraphs = [a.lead, ...a.paragraphs].map((p) => `<p>${p}</p>`).join('');
  return `<html><body><h1>${a.title}</h1>${extra}<article>${paragraphs}</article></body></html>`;
}
