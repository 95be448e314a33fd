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

export function contentKeyText(lead: string | null, body: readonly string[]): string {
  const parts = [lead, ...body].filter((p): p is string => !!p).map(stripWirePrefix);
  return foldTokens(parts.join('\n')).join(' ');
}

export function hashOfKeyText(keyText: string): string {
  return createHash('sha256').update(keyText).digest('hex').slice(0, 16);
}

export function contentHash(lead: string | null, body: readonly string[]): string {
  return hashOfKeyText(contentKeyText(lead, body));
}
