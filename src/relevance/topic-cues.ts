// Matches a topic profile's phrases in folded text. One phrase can play several roles at once
// ("Hàn-Mỹ" names both allies; "THAAD" names the US side and is a defence act), so roles are
// merged per folded phrase before the phrase is added to the matcher.
import type { TopicProfile } from '../../config/topic-schema.js';
import { foldTokens } from '../text/vietnamese-fold.js';
import { PhraseMatcher } from './phrase-matcher.js';

export interface CueRole {
  actors: string[];
  relation: number;
  act: number;
  offTopic: string[];
  /** Framing classes (the profile's `framing`): features of the learned model, never the rules'. */
  framing: string[];
}

export function buildCueMatcher(profile: TopicProfile): PhraseMatcher<CueRole> {
  const roles = new Map<string, { phrase: string; role: CueRole }>();
  const roleOf = (phrase: string): CueRole => {
    const key = foldTokens(phrase).join(' ');
    let entry = roles.get(key);
    if (!entry) {
      entry = { phrase, role: { actors: [], relation: 0, act: 0, offTopic: [], framing: [] } };
      roles.set(key, entry);
    }
    return entry.role;
  };
  for (const [actor, list] of Object.entries(profile.actors))
    for (const p of list) {
      const r = roleOf(p);
      if (!r.actors.includes(actor)) r.actors.push(actor);
    }
  for (const [p, w] of Object.entries(profile.relation)) roleOf(p).relation = Math.max(roleOf(p).relation, w);
  for (const [p, w] of Object.entries(profile.acts)) roleOf(p).act = Math.max(roleOf(p).act, w);
  for (const [cls, list] of Object.entries(profile.offTopic))
    for (const p of list) {
      const r = roleOf(p);
      if (!r.offTopic.includes(cls)) r.offTopic.push(cls);
    }
  for (const [cls, list] of Object.entries(profile.framing ?? {}))
    for (const p of list) {
      const r = roleOf(p);
      if (!r.framing.includes(cls)) r.framing.push(cls);
    }
  const m = new PhraseMatcher<CueRole>();
  for (const { phrase, role } of roles.values()) m.add(phrase, role);
  for (const b of profile.blockers) if (!roles.has(foldTokens(b).join(' '))) m.block(b);
  return m;
}
