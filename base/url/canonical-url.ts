// Canonical article URLs: the key for "seen before" and the source of the story id, so two
// spellings of one article URL must give the same string.
import { createHash } from 'node:crypto';

// Query parameters that only track where a click came from.
const TRACKING_PARAMS = [
  /^utm_/i,
  /^fbclid$/i,
  /^gclid$/i,
  /^zarsrc$/i,
  /^gidzl$/i,
  /^ref$/i,
  /^source$/i,
  /^vn_source$/i,
  /^vn_medium$/i,
  /^vn_campaign$/i,
  /^mc_[a-z]+$/i,
  /^_ga$/i,
  /^cmpid$/i,
  // AT Internet's campaign tags (BBC feeds: at_medium=RSS&at_campaign=rss).
  /^at_[a-z]+$/i,
];

export interface CanonicalOptions {
  /** Query parameters that identify the article and must be kept (e.g. KBS `Seq_Code`). */
  keepParams?: readonly string[];
  /** Regex with one capture group: the outlet's article id in the canonical URL. */
  idPattern?: string;
}

/**
 * Canonical form: https, lower-case host without `www.`/`m.`/`amp.`, no fragment, no tracking
 * parameters, no `/amp` suffix, no trailing slash (except the root), remaining parameters sorted.
 * When `keepParams` is given, only those parameters survive.
 */
export function canonicalUrl(input: string, opts: CanonicalOptions = {}): string {
  const url = new URL(input.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`not an http(s) URL: ${input}`);
  }
  url.protocol = 'https:';
  url.hostname = url.hostname.toLowerCase().replace(/^(?:www|m|amp|mobile)\./, '');
  url.port = '';
  url.hash = '';
  url.username = '';
  url.password = '';
  let path = url.pathname.replace(/\/{2,}/g, '/');
  path = path.replace(/\/amp\/?$/i, '').replace(/\.amp(\.html?)$/i, '$1');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  url.pathname = path || '/';
  const keep = opts.keepParams?.map((p) => p.toLowerCase());
  const params = [...url.searchParams.entries()]
    .filter(([k]) => (keep ? keep.includes(k.toLowerCase()) : !TRACKING_PARAMS.some((re) => re.test(k))))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = '';
  for (const [k, v] of params) url.searchParams.append(k, v);
  return url.toString();
}

/** The URL as found, minus tracking parameters and fragment: what we actually request. */
export function stripTracking(input: string): string {
  const url = new URL(input.trim());
  url.hash = '';
  for (const k of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.some((re) => re.test(k))) url.searchParams.delete(k);
  }
  return url.toString();
}

/**
 * What makes two URLs the same article: `<host>#<id>` when the outlet's URLs carry a stable
 * article id (VnExpress `…-5112299.html`, Báo Tin tức `…-20190927093045123.htm`), so a slug
 * rewritten after a headline edit, or a section moved, is still the same article; otherwise
 * the canonical URL itself. The seen set and the story id are keyed on it.
 */
export function articleIdentity(canonical: string, opts: CanonicalOptions = {}): string {
  if (!opts.idPattern) return canonical;
  const id = new RegExp(opts.idPattern, 'u').exec(canonical)?.[1];
  return id ? `${new URL(canonical).hostname}#${id}` : canonical;
}

/** Stable 64-bit story id (16 lowercase hex) derived from the canonical URL. */
export function storyIdFor(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
