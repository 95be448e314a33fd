// The index's candidate step for one pair, stated outside the index so `dedupe compare` answers
// as the index would: a pair is only judged when it shares the exact key, a band or an anchor.
import type { Fingerprint } from './fingerprint.js';
import type { BandKey } from './minhash.js';

/**
 * The index's candidate step for one pair: the same exact key, a band in common (same band,
 * same value) or an anchor in common (any two anchors: they share one bucket space).
 */
export function sharesCandidateKey(a: Fingerprint, b: Fingerprint): { exact: boolean; bands: number; anchors: number } {
  const same = (x: BandKey, y: BandKey): boolean => x.bucket === y.bucket && x.field.equals(y.field);
  let bands = 0;
  for (let i = 0; i < a.bands.length; i++) if (same(a.bands[i]!, b.bands[i]!)) bands++;
  const name = (x: BandKey): string => `${x.bucket}:${x.field.toString('hex')}`;
  const mine = new Set(a.anchors.map(name));
  const anchors = new Set(b.anchors.map(name).filter((k) => mine.has(k))).size;
  return { exact: same(a.exact, b.exact), bands, anchors };
}
