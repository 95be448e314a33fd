// Which discovered links are articles of this source: allowed host, matching the source's
// article URL pattern; each reduced to its canonical URL, identity and story id, first occurrence
// of an identity wins.
import type { SourceConfig } from '../../config/source-schema.js';
import { articleIdentity, canonicalUrl, storyIdFor, stripTracking } from '../../src/url/canonical-url.js';
import { isSourceUrl } from '../request-policy.js';

export interface Candidate {
  url: string;
  canonicalUrl: string;
  /** Seen-set key: the canonical URL, or `<host>#<article id>` (see articleIdentity). */
  identity: string;
  storyId: string;
  feedPublishedAt: string | null;
}

export function articleCandidates(
  source: SourceConfig,
  links: ReadonlyArray<{ url: string; publishedAt?: string | null }>,
  /** Told of each link the source's URL rules refuse, and which rule (the ledger counts them). */
  onRejected?: (url: string, why: string) => void,
): Candidate[] {
  const pattern = new RegExp(source.articleUrlPattern, 'u');
  const out = new Map<string, Candidate>();
  for (const link of links) {
    let canonical: string;
    try {
      canonical = canonicalUrl(link.url, source.canonical);
    } catch {
      onRejected?.(link.url, 'not a URL');
      continue;
    }
    const host = new URL(canonical).hostname;
    if (!source.hosts.includes(host)) {
      onRejected?.(link.url, "host not among the source's hosts");
      continue;
    }
    // Fetched as written, so the link itself must be the outlet's: no explicit port.
    if (!isSourceUrl(source, link.url)) {
      onRejected?.(link.url, 'not a URL of the source (scheme or port)');
      continue;
    }
    if (!pattern.test(canonical)) {
      onRejected?.(link.url, 'does not match articleUrlPattern');
      continue;
    }
    const identity = articleIdentity(canonical, source.canonical);
    if (out.has(identity)) continue;
    out.set(identity, {
      url: stripTracking(link.url),
      canonicalUrl: canonical,
      identity,
      storyId: storyIdFor(identity),
      feedPublishedAt: link.publishedAt ?? null,
    });
  }
  return [...out.values()];
}
