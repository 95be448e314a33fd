// A concept's spellings found in a field's tokens, with the word rules of the topic cues
// (src/relevance/phrase-matcher.ts): whole syllable words, a spelling written with a capital
// matching only capitalized text, blockers hiding compounds of another meaning, the longest
// spelling winning where two overlap. Each hit names the written line (entry) that found it.
import type { Concept, ConceptEntry } from '../../config/concept-schema.js';
import { PhraseMatcher, shapeAt, type TokenShape } from '../relevance/phrase-matcher.js';
import type { TokenSpan } from '../text/vietnamese-fold.js';
import type { Hit } from './query-evaluation.js';

export interface ConceptHit extends Hit {
  entry: ConceptEntry;
}

const matchers = new WeakMap<Concept, PhraseMatcher<ConceptEntry>>();

/** One matcher per concept object: a reloaded watchlist brings new objects, and new matchers. */
export function conceptMatcher(concept: Concept): PhraseMatcher<ConceptEntry> {
  let m = matchers.get(concept);
  if (!m) {
    m = new PhraseMatcher<ConceptEntry>();
    for (const entry of concept.entries) for (const s of entry.spellings) m.add(s, entry);
    for (const b of concept.blockers) m.block(b);
    matchers.set(concept, m);
  }
  return m;
}

/** The shapes of a field's tokens, read from its NFC text (capitals decide proper nouns). */
export function tokenShapes(nfcText: string, spans: readonly TokenSpan[]): TokenShape[] {
  return spans.map((s) => shapeAt(nfcText, s.start, s.end));
}

export function findConcept(concept: Concept, tokens: readonly string[], shapes: readonly TokenShape[]): ConceptHit[] {
  return conceptMatcher(concept)
    .matchTokens(tokens, shapes)
    .map((h) => ({ start: h.start, end: h.start + h.length, entry: h.value }));
}
