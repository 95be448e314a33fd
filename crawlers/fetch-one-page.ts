// Fetches a single page with the source's fetcher (HTTP or browser), for the CLI tools.
import type { SourceConfig } from '../config/source-schema.js';
import type { OriginMap } from '../base/url/origin-map.js';
import { createBrowserFetcher } from './browser-fetcher.js';
import { createHttpFetcher } from './http-fetcher.js';

export async function fetchOnePage(source: SourceConfig, originMap: OriginMap, url: string): Promise<string> {
  const fetcher =
    source.render === 'browser' ? createBrowserFetcher(source, originMap) : createHttpFetcher(source, originMap);
  let body: string | null = null;
  let failure = '';
  await fetcher.fetchAll(
    [{ url, label: 'article', data: { canonicalUrl: url } }],
    async (p) => {
      body = p.body;
    },
    async (f) => {
      failure = f.reason;
    },
  );
  if (body === null) throw new Error(`could not fetch ${url}: ${failure || 'no response'}`);
  return body;
}
