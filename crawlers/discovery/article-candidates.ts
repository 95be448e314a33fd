// Which discovered links are articles of this source: allowed host, matching the source's
// article URL pattern and none of the links it refuses on purpose (notArticleUrls); each reduced to its canonical URL, identity and story id, first occurrence
// of an identity wins.
import type { SourceConfig } from '../../config/source-schema.js';
import { articleIdentity, canonicalUrl, storyIdFor, stripTracking } from '../../base/url/canonical-url.js';
import { isSourceUrl } from '../request-policy.js';

export interface Candidate {
  url: string;
  canonicalUrl: string;
  /** Seen-set key: the canonical URL, or `<host>#<article id>` (see articleIdentity). */
  identity: string;
  storyId: string;
  feedPublishedAt: string | null;
}

/** Why a link of the outlet's own host is not an article: the pattern, or a declared refusal. */
export type Refusal = { url: string; why: string };

interface UrlRules {
  article: RegExp;
  refused: { re: RegExp; why: string }[];
}
// Compiled once per source object (configs live as long as the process).
const rulesOf = new WeakMap<SourceConfig, UrlRules>();

function urlRules(source: SourceConfig): UrlRules {
  let rules = rulesOf.get(source);
  if (!rules) {
    rules = {
      article: new RegExp(source.articleUrlPattern, 'u'),
      refused: source.notArticleUrls.map((n) => ({ re: new RegExp(n.pattern, 'u'), why: n.why })),
    };
    rulesOf.set(source, rules);
  }
  return rules;
}

/** Null when the source takes a canonical URL of its host as an article, else why not. */
export function urlRefusal(source: SourceConfig, canonical: string): string | null {
  const rules = urlRules(source);
  for (const r of rules.refused) if (r.re.test(canonical)) return r.why;
  return rules.article.test(canonical) ? null : 'does not match articleUrlPattern';
}

export function articleCandidates(
  source: SourceConfig,
  links: ReadonlyArray<{ url: string; publishedAt?: string | null }>,
  /** Told of each link the source's URL rules refuse, and which rule (the ledger counts them). */
  onRejected?: (url: string, why: string) => void,
): Candidate[] {
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
    const refused = urlRefusal(source, canonical);
    if (refused !== null) {
      onRejected?.(canonical, refused);
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
