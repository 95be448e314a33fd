// The source a page gets when no source file covers its host: no selectors, so extraction uses
// the generic path alone (JSON-LD, OpenGraph/meta, text density). `tinwatch extract` on a new
// outlet and the real-pages eval of unconfigured outlets read pages with it.
import { sourceSchema, type SourceConfig } from './source-schema.js';

export const GENERIC_SOURCE_ID = 'generic';

export function genericSource(url: string): SourceConfig {
  const host = new URL(url).hostname.toLowerCase();
  return sourceSchema.parse({
    id: GENERIC_SOURCE_ID,
    name: host,
    homepage: `https://${host}/`,
    hosts: [host],
    discovery: {},
    articleUrlPattern: '.',
    extract: {},
    provenance: 'generic: no source file covers this host',
  });
}
