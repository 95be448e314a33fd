// Labels for pairs of real articles about one event, made without the detector under test: by
// aligning sentences, not by shingle sets. A sentence of one text "is in" the other when most of
// its word trigrams are there (an edited sentence still aligns; a shared name or phrase does not).
// - copy: most of the smaller text's sentences are in the larger (a wire copy, a trimmed,
//   retitled or lightly edited republication, or a piece compiled around it);
// - apart: almost none are (independent reports of one event, or a later report of it);
// - grey: in between (shared quotes or background): reported, not scored against a target.
import type { NewsDoc } from './real-news-corpus.js';

export type PairLabel = 'copy' | 'apart' | 'grey';

export interface LabelledPair {
  id: string;
  /** Published first (or first in the cluster): indexed before b is claimed. */
  a: NewsDoc;
  b: NewsDoc;
  label: PairLabel;
  /** copy: wire, trimmed, retitled, verbatim; apart: same-day report, later report. */
  kind: string;
  /** Share of the smaller text's sentences found in the larger. */
  sentenceCover: number;
}

/** A sentence counts as in the other text when this share of its word trigrams is there. */
const SENTENCE_IN = 0.7;
/** Most of the smaller text's sentences in the larger: a copy. */
export const COPY_COVER = 0.6;
/** At most this share: two write-ups. */
export const APART_COVER = 0.15;
/** Sentences shorter than this (words) say too little to align ("Ảnh: TTXVN"). */
const MIN_WORDS = 6;

const WIRE = /\b(TTXVN|VNA|Vietnam\+|TTXVN\/Vietnam\+)\b/;

function words(s: string): string[] {
  return s
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function sentencesOf(d: Pick<NewsDoc, 'lead' | 'paragraphs'>): string[][] {
  return [d.lead ?? '', ...d.paragraphs]
    .flatMap((p) => p.split(/(?<=[.!?…]["”»)]?)\s+/u))
    .map(words)
    .filter((w) => w.length >= MIN_WORDS);
}

const trigrams = (w: readonly string[]): string[] => w.slice(2).map((_, i) => `${w[i]} ${w[i + 1]} ${w[i + 2]}`);

/** The word trigrams of a text's sentences, to align other sentences against. */
export const trigramSet = (sentences: readonly string[][]): Set<string> => new Set(sentences.flatMap(trigrams));

/** A sentence is in the other text when most of its trigrams are. */
export function sentenceInside(s: readonly string[], other: Set<string>): boolean {
  const t = trigrams(s);
  return t.filter((g) => other.has(g)).length >= SENTENCE_IN * t.length;
}

/** Share of `xs`' sentences whose trigrams are mostly in `other`. */
function cover(xs: string[][], other: Set<string>): number {
  if (xs.length === 0) return 0;
  return xs.filter((s) => sentenceInside(s, other)).length / xs.length;
}

const folded = (s: string): string => words(s).join(' ');

export function labelPair(a: NewsDoc, b: NewsDoc): Omit<LabelledPair, 'id'> {
  const [sa, sb] = [sentencesOf(a), sentencesOf(b)];
  const [small, largeDoc] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  const sentenceCover = cover(small, trigramSet(largeDoc));
  const label: PairLabel = sentenceCover >= COPY_COVER ? 'copy' : sentenceCover <= APART_COVER ? 'apart' : 'grey';
  const wire = (d: NewsDoc): boolean => WIRE.test(`${d.author} ${d.paragraphs.at(-1) ?? ''} ${d.lead ?? ''}`);
  let kind: string;
  if (label === 'copy') {
    if (wire(a) && wire(b)) kind = 'wire copy';
    else if (small.length < 0.7 * largeDoc.length) kind = 'trimmed or compiled';
    else if (folded(a.title) !== folded(b.title)) kind = 'retitled';
    else kind = 'verbatim';
  } else kind = a.day && b.day && a.day !== b.day ? 'later report' : 'same-day report';
  return { a, b, label, kind, sentenceCover };
}

/** Every pair inside each cluster, the earlier-published text first. */
export function clusterPairs(clusters: Map<string, NewsDoc[]>): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const docs of clusters.values()) {
    const sorted = [...docs].sort(
      (x, y) => (x.day ?? '').localeCompare(y.day ?? '') || x.id.localeCompare(y.id, 'en', { numeric: true }),
    );
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const [a, b] = [sorted[i]!, sorted[j]!];
        out.push({ id: `${a.id}~${b.id}`, ...labelPair(a, b) });
      }
  }
  return out;
}
