// Exact-duplicate key: the article text (lead + body, not the title, which republishers rewrite)
// folded for Vietnamese spelling variants, wire prefixes and credits removed, whitespace and
// punctuation collapsed. Two outlets carrying the same TTXVN copy get the same hash.
import { createHash } from 'node:crypto';
import { foldTokens } from '../text/vietnamese-fold.js';

// "(Dân trí) - ", "VOV.VN - ", "(PLO)-", "(Chinhphu.vn) - ", "VTV.vn - ", "TTXVN - " at the start.
const WIRE_PREFIX =
  /^\s*\(?\s*(?:dân trí|plo|vov\.vn|vov|chinhphu\.vn|vtv\.vn|vtv|ttxvn|vnexpress|vietnamplus|tpo|nld|cand|baoquocte\.vn|qđnd|zing|znews)\s*\)?\s*[-–—:]\s*/iu;

export function stripWirePrefix(text: string): string {
  return text.normalize('NFC').replace(WIRE_PREFIX, '');
}

/**
 * The folded lead and body as tokens. Folding is per token and a newline separates tokens, so the
 * body is folded as the one `body.join('\n')` string the relevance classifier has just folded
 * (foldTokens keeps recent results): the body, most of the text, is folded once per article
 * instead of twice. A paragraph with a wire prefix is folded without it. The array may be
 * foldTokens' own: callers must not modify it.
 */
export function contentKeyTokens(lead: string | null, body: readonly string[]): readonly string[] {
  const leadTokens = lead ? foldTokens(stripWirePrefix(lead)) : [];
  const stripped = body.map(stripWirePrefix);
  const bodyTokens = foldTokens((stripped.every((p, i) => p === body[i]) ? body : stripped).join('\n'));
  return leadTokens.length === 0 ? bodyTokens : [...leadTokens, ...bodyTokens];
}

/** The content key's text: its tokens joined by single spaces. */
export function contentKeyText(lead: string | null, body: readonly string[]): string {
  return contentKeyTokens(lead, body).join(' ');
}

export function hashOfKeyText(keyText: string): string {
  return createHash('sha256').update(keyText).digest('hex').slice(0, 16);
}

export function contentHash(lead: string | null, body: readonly string[]): string {
  return hashOfKeyText(contentKeyText(lead, body));
}
