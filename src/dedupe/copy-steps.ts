// Step 6 of the same-story rule (same-story.ts): a text whose lead states facts the indexed story
// lacks is still a copy when it restates the story. Two ways: its lead restates more of the
// story's facts than it adds (an expanded copy), or its lead adds only names in the story's own
// words (a restated lead). Both hold most of the smaller text inside the larger and keep every
// figure of the story's title and lead: another day of a column drops them. The Lua twin is in
// lua/same-story.lua (relate).
import type { SameStoryRule } from '../../config/dedupe.js';
import { leadFactCount, type NewFacts, type StoryFacts } from './lead-facts.js';

/**
 * Step 6: a text with new facts in its lead is still a copy when it holds the other and restates
 * it: most of the smaller text inside the larger, more known facts than new ones in its lead, and
 * every figure of the other's title and lead kept (`dropped`: a column's other day drops them).
 */
export function expandedCopy(
  c: number,
  fresh: NewFacts,
  dropped: number,
  mine: StoryFacts,
  rule: SameStoryRule,
): boolean {
  const added = fresh.numbers + fresh.names;
  const known = leadFactCount(mine.lead) - added;
  return c >= rule.copyMinContainment && known >= rule.minKnownLeadFacts && known > added && dropped === 0;
}

/**
 * Step 6, the other way: a text whose lead adds only names is still a copy when it holds the
 * other, its lead is mostly the other's words (`leadShare`, restated-lead.ts) and it keeps every
 * figure of the other's title and lead. A republisher who rewrites a lead around a name the
 * original left out keeps its words; a follow-up leads with new text, and an update that restates
 * the lead with a new figure (a toll, a price, a day) is news.
 */
export function restatedLeadCopy(
  c: number,
  fresh: NewFacts,
  dropped: number,
  leadShare: number,
  rule: SameStoryRule,
): boolean {
  return c >= rule.copyMinContainment && fresh.numbers === 0 && leadShare >= rule.copyMinLeadRestated && dropped === 0;
}
