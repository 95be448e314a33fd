// A minimal source for tests that build their own little site: one host, its RSS feed at
// /rss.xml, articles named -<7 digits>.html with an <h1> title and an <article> body.
import { sourceSchema, type SourceConfig } from '../../config/source-schema.js';

export function testSource(host: string): SourceConfig {
  return sourceSchema.parse({
    id: host.split('.')[0],
    name: host,
    homepage: `https://${host}/`,
    hosts: [host],
    discovery: { feeds: [`https://${host}/rss.xml`] },
    articleUrlPattern: '-\\d{7}\\.html$',
    extract: { title: ['h1'], body: ['article'] },
    provenance: 'test',
  });
}
