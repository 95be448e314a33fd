// The features the learned relevance model reads from one story, each with a readable name so
// `relevance explain` can say which ones decided. A feature's index is a hash of its name: the
// model file then holds numbers only, never the words (the words come back from the text at hand).
//   - rule:*   the hand-written rules' verdict (on/borderline, score, title/lead relation, share);
//   - cue:*    counts of the profile's cue roles (actors, relation phrases, acts, off-topic
//              classes) in the headline zone and in the whole story;
//   - x:*      what single sentences name together (sentence-cues.ts): the alliance acting, both
//              allies beside North Korea only, one ally acting alone, a third country objecting;
//   - subj:*   the first actor of the title and of the lead, alone and with what they state;
//   - w:*      folded syllables and syllable pairs, in the headline zone and in the whole story,
//              present or not, scaled so a long article weighs no more than an excerpt.
// Numbers are folded to "#": a year or a count says nothing about the subject, and years would
// tell the 2017 articles from the recent excerpts. Syllable features are hashed as they are read,
// without building their names (a whole article has thousands): a name is spelled out only when
// an explanation asks for it.
import type { TopicProfile } from '../../config/topic-schema.js';
import { foldTokensWithSpans } from '../text/vietnamese-fold.js';
import { shapeAt, type TokenShape } from './phrase-matcher.js';
import type { RelevanceInput, RelevanceResult } from './relevance-types.js';
import type { PhraseHit } from './phrase-matcher.js';
import { matcherFor } from './rule-relevance.js';
import { sentenceCueFeatures, sentenceIds } from './sentence-cues.js';
import { splitSentences } from './sentences.js';
import type { CueRole } from './topic-cues.js';

export interface FeatureVector {
  index: number[];
  value: number[];
  /** The readable name of feature `i`. */
  name: (i: number) => string;
  /** Both actors of the profile's pair are named somewhere in the story, or the relation itself is. */
  pairNamed: boolean;
}

const FNV_START = 0x811c9dc5;
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** FNV-1a over the name's UTF-16 units, into `dim` buckets. */
export function featureIndex(name: string, dim: number): number {
  return (fnv(FNV_START, name) >>> 0) % dim;
}

interface Part {
  tokens: string[];
  shapes: TokenShape[];
  /** Tokens k..m as written, for a feature's readable name. */
  written: (k: number, m: number) => string;
  /** The profile's cues found in the part, and the sentence number of each token. */
  hits: PhraseHit<CueRole>[];
  ids: Int32Array;
}

function partOf(text: string, profile: TopicProfile): Part {
  const spans = foldTokensWithSpans(text);
  const nfc = text.normalize('NFC');
  const folded = spans.map((s) => s.token);
  const shapes = spans.map((s) => shapeAt(nfc, s.start, s.end));
  return {
    tokens: folded.map((t) => (t.charCodeAt(0) <= 57 && t.charCodeAt(0) >= 48 ? '#' : t)),
    shapes,
    written: (k, m) => nfc.slice(spans[k]!.start, spans[m]!.end).toLowerCase(),
    hits: matcherFor(profile).matchTokens(folded, shapes),
    ids: sentenceIds(nfc, spans),
  };
}

/**
 * The syllable block's weight beside the named features. One L2 strength holds every weight: a
 * larger block weight is a weaker penalty on the syllables alone, letting the wording of a story
 * count for more against the cue counts, which cannot tell every class apart (a summit, China
 * objecting to a US warship). Chosen by cross-validation by story among 1, 2 and 4 (docs/relevance.md).
 */
const GRAM_WEIGHT = 2;

class Builder {
  readonly index: number[] = [];
  readonly value: number[] = [];
  /** A name, or a syllable feature's place (gramAt): spelled out only when asked. */
  private readonly names: (string | number)[] = [];
  private readonly zones: { zone: string; parts: readonly Part[] }[] = [];
  constructor(private readonly dim: number) {}

  add(name: string, value: number): void {
    this.index.push(featureIndex(name, this.dim));
    this.value.push(value);
    this.names.push(name);
  }

  /** Syllables and syllable pairs of a zone, each once, scaled by GRAM_WEIGHT/√(distinct ones). */
  grams(zone: string, parts: readonly Part[]): void {
    const prefix = fnv(FNV_START, `w:${zone}:`);
    // Bucket → where its first syllable (pair) was read, as one number: no object per syllable.
    const seen = new Map<number, number>();
    const z = this.zones.push({ zone, parts }) - 1;
    parts.forEach(({ tokens }, p) => {
      for (let k = 0; k < tokens.length; k++) {
        const one = fnv(prefix, tokens[k]!);
        const b1 = (one >>> 0) % this.dim;
        if (!seen.has(b1)) seen.set(b1, gramAt(z, p, k, 1));
        if (k + 1 >= tokens.length) continue;
        const b2 = (fnv(fnv(one, ' '), tokens[k + 1]!) >>> 0) % this.dim;
        if (!seen.has(b2)) seen.set(b2, gramAt(z, p, k, 2));
      }
    });
    const scale = seen.size ? GRAM_WEIGHT / Math.sqrt(seen.size) : 0;
    for (const [bucket, at] of seen) {
      this.index.push(bucket);
      this.value.push(scale);
      this.names.push(at);
    }
  }

  vector(pairNamed: boolean): FeatureVector {
    const { names, zones } = this;
    return {
      pairNamed,
      index: this.index,
      value: this.value,
      name: (i) => {
        const n = names[i]!;
        if (typeof n === 'string') return n;
        const { z, p, k, len } = gramFrom(n);
        const { zone, parts } = zones[z]!;
        return `w:${zone}:${parts[p]!.written(k, k + len - 1)}`;
      },
    };
  }
}

// A syllable feature's place: zone call, part, token and length (1 or 2) packed in one number.
const gramAt = (z: number, p: number, k: number, len: number): number => ((z * 1e5 + p) * 1e6 + k) * 2 + len - 1;
function gramFrom(n: number): { z: number; p: number; k: number; len: number } {
  const len = (n % 2) + 1;
  const rest = Math.floor(n / 2);
  const k = rest % 1e6;
  const zp = Math.floor(rest / 1e6);
  return { z: Math.floor(zp / 1e5), p: zp % 1e5, k, len };
}

/** Adds the zone's cue counts; says whether both actors of the pair were named. */
function cues(b: Builder, zone: string, parts: readonly Part[], profile: TopicProfile): boolean {
  const counts = new Map<string, number>();
  const bump = (k: string, by = 1): void => void counts.set(k, (counts.get(k) ?? 0) + by);
  for (const p of parts)
    for (const h of p.hits) {
      for (const a of h.value.actors) bump(`cue:${zone}:actor:${a}`);
      if (h.value.relation > 0) bump(`cue:${zone}:relation`, h.value.relation);
      if (h.value.act > 0) bump(`cue:${zone}:act`, h.value.act);
      for (const c of h.value.offTopic) bump(`cue:${zone}:off:${c}`);
    }
  const [x, y] = profile.pair;
  // A relation phrase ("Lực lượng Mỹ tại Hàn Quốc", USFK) names the pair by itself.
  const pair =
    (counts.has(`cue:${zone}:actor:${x}`) && counts.has(`cue:${zone}:actor:${y}`)) ||
    counts.has(`cue:${zone}:relation`);
  if (pair) bump(`cue:${zone}:pair`);
  for (const [k, n] of counts) b.add(k, Math.log1p(n) / 2);
  return pair;
}

export function relevanceFeatures(
  input: RelevanceInput,
  rules: RelevanceResult,
  profile: TopicProfile,
  dim: number,
): FeatureVector {
  const b = new Builder(dim);
  b.add('bias', 1);
  if (rules.verdict === 'on') b.add('rule:on', 1);
  if (rules.verdict === 'borderline') b.add('rule:borderline', 1);
  b.add('rule:score', Math.min(rules.score, 30) / 10);
  b.add('rule:title/lead relation', rules.leadRelation / 3);
  b.add('rule:share', rules.share);
  const part = (text: string): Part => partOf(text, profile);
  const title = part(input.title);
  const lead = input.lead?.trim() ? part(input.lead) : null;
  const body = input.body.filter((p) => p.trim()).map(part);
  // The headline zone: title and lead; without a lead, the body's first sentence stands in.
  const firstBody = input.body.find((p) => p.trim());
  const standIn = lead ?? (firstBody ? part(splitSentences(firstBody)[0] ?? '') : null);
  const head = standIn ? [title, standIn] : [title];
  const all = lead ? [title, lead, ...body] : [title, ...body];
  cues(b, 'head', head, profile);
  const pairNamed = cues(b, 'all', all, profile);
  const add = (name: string, value: number): void => b.add(name, value);
  sentenceCueFeatures(
    add,
    'head',
    head.map((p, i) => ({ ...p, role: i === 0 ? 'title' : 'lead' })),
    profile,
  );
  sentenceCueFeatures(
    add,
    'all',
    all.map((p) => ({ ...p, role: 'all' })),
    profile,
  );
  b.grams('head', head);
  b.grams('all', all);
  return b.vector(pairNamed);
}
