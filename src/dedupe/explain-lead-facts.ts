// The new-facts test (lead-facts.ts) in plain words for one pair: which facts of the new text's
// title and lead the other text holds nowhere, which it restates, and which of the other's lead
// figures it lacks. The index keeps only hashes; this re-reads both texts, for diagnosis.
import { isKnown, leadFactsOf, leadTextOf, storyFacts, type LeadFact } from './lead-facts.js';

interface Text {
  title: string;
  lead: string | null;
  paragraphs: readonly string[];
  /** Publication day (yyyy-mm-dd…), when known. */
  day?: string | null;
}

export interface LeadFactsExplained {
  /** Facts of the new text's title and lead the other text lacks. */
  fresh: LeadFact[];
  /** Facts of the new text's title and lead the other text holds. */
  known: LeadFact[];
  /** Figures of the other text's title and lead the new text lacks. */
  dropped: LeadFact[];
}

const leadOf = (t: Text): string => leadTextOf(t.lead, t.paragraphs);
const hashOf = (f: LeadFact): number => parseInt(f.entry.slice(1), 16) >>> 0;

/** `mine` read as the new article against `theirs`, an indexed story. */
export function explainLeadFacts(mine: Text, theirs: Text): LeadFactsExplained {
  const theirKnown = storyFacts(theirs.title, theirs.lead, theirs.paragraphs, theirs.day ?? null).known;
  const myKnown = storyFacts(mine.title, mine.lead, mine.paragraphs, mine.day ?? null).known;
  const facts = leadFactsOf(mine.title, leadOf(mine));
  return {
    fresh: facts.filter((f) => !isKnown(theirKnown, hashOf(f))),
    known: facts.filter((f) => isKnown(theirKnown, hashOf(f))),
    dropped: leadFactsOf(theirs.title, leadOf(theirs)).filter((f) => f.kind !== 'p' && !isKnown(myKnown, hashOf(f))),
  };
}
