// Cue-group interactions for the learned relevance model: what each sentence names *together*.
// Counts of cue roles over a whole zone cannot tell "Mỹ và Hàn Quốc tập trận" (the alliance acts)
// from "Triều Tiên tố Mỹ và Hàn Quốc…" in one sentence and "Mỹ tập trận ở Trung Đông" in another;
// the misses and false alarms of issue 33 are such classes:
//   - the alliance acting, with or without a third country objecting (THAAD, China's protests);
//   - both allies named only beside North Korea, with no act of theirs (a North Korean accusation,
//     US–North Korea diplomacy with Seoul as the venue);
//   - one ally acting alone (US options against the North leaving Seoul out, Korea-only defence);
// and who the headline is about: the first actor named in the title and in the lead (its
// grammatical subject, nearly always, in a Vietnamese news headline).
// Sentences are found from the gaps between tokens (a stop, "!" or "?"), so the cue matches the
// zone-level features already made are reused, not matched again.
import type { TopicProfile } from '../../config/topic-schema.js';
import type { PhraseHit } from './phrase-matcher.js';
import type { CueRole } from './topic-cues.js';

/** Sentence number of each token of `text`: a gap holding a stop ("." "!" "?" "…" ";") then a space starts a new one. */
export function sentenceIds(text: string, spans: readonly { start: number; end: number }[]): Int32Array {
  const ids = new Int32Array(spans.length);
  let id = 0;
  for (let k = 1; k < spans.length; k++) {
    let stop = false;
    for (let c = spans[k - 1]!.end; c < spans[k]!.start; c++) {
      const ch = text.charCodeAt(c);
      // . ! ? … ; then a space: "1.8" and "U.S" have none, so never end a sentence.
      if (ch === 46 || ch === 33 || ch === 63 || ch === 0x2026 || ch === 59) stop = true;
      else if (stop && (ch === 32 || ch === 10 || ch === 9 || ch === 0xa0)) {
        id++;
        break;
      }
    }
    ids[k] = id;
  }
  return ids;
}

/** The framing class of phrases naming a region rather than an actor. */
const REGION = 'region';

interface SentenceCues {
  /** The sentence's number within its part. */
  id: number;
  actors: Set<string>;
  act: number;
  relation: number;
  off: boolean;
  /** Framing classes of the profile the sentence holds (statement, diplomacy…). */
  frames: Set<string>;
}

function bySentence(hits: readonly PhraseHit<CueRole>[], ids: Int32Array): SentenceCues[] {
  const out: SentenceCues[] = [];
  const seenActs = new Set<string>();
  let current = -1;
  for (const h of hits) {
    const id = ids[h.start]!;
    if (id !== current) {
      current = id;
      seenActs.clear();
      out.push({ id, actors: new Set(), act: 0, relation: 0, off: false, frames: new Set() });
    }
    const s = out[out.length - 1]!;
    // The peninsula ("bán đảo Triều Tiên") names the region of every North Korea story, not the
    // ally: framed as `region`, it is a frame here and no actor (the rules still count it).
    if (!h.value.framing.includes(REGION)) for (const a of h.value.actors) s.actors.add(a);
    s.relation = Math.max(s.relation, h.value.relation);
    // An act phrase counts once per sentence, as in the rules.
    if (h.value.act > 0 && !seenActs.has(h.phrase)) {
      seenActs.add(h.phrase);
      s.act += h.value.act;
    }
    if (h.value.offTopic.length) s.off = true;
    for (const f of h.value.framing) s.frames.add(f);
  }
  return out;
}

/** The interaction classes a sentence falls in (none, one or a few). */
function classesOf(s: SentenceCues, profile: TopicProfile): string[] {
  const [a, b] = profile.pair;
  const hasA = s.actors.has(a);
  const hasB = s.actors.has(b);
  const context = profile.context.some((c) => s.actors.has(c));
  const third = profile.third.some((t) => s.actors.has(t));
  const out: string[] = [];
  if (s.relation > 0) out.push(third ? 'relation+third' : 'relation');
  if (hasA && hasB) {
    if (s.act >= 2) out.push(third ? 'pair+act+third' : 'pair+act');
    else if (s.act === 1) out.push('pair+weak act');
    else if (context && s.relation === 0) out.push('pair+context only');
    if (s.off) out.push('pair+off-topic');
  } else if (hasA || hasB) {
    const who = hasA ? a : b;
    if (s.act >= 2) out.push(context ? `${who}+context+act` : third ? `${who}+third+act` : `${who} alone+act`);
  } else if (context && s.act >= 2) out.push('context alone+act');
  return out;
}

/** A sentence stating the relation itself, or both allies with a strong act. */
const STATES = new Set(['relation', 'relation+third', 'pair+act', 'pair+act+third']);

/**
 * Adds the zone's sentence classes (log-scaled counts), each beside the sentence's framing
 * ("statement&pair+context only": an accusation naming both allies), and for the title and lead
 * their subject: the first actor they name, alone and with what the sentence states.
 */
export function sentenceCueFeatures(
  add: (name: string, value: number) => void,
  zone: string,
  parts: readonly { hits: PhraseHit<CueRole>[]; ids: Int32Array; role: string }[],
  profile: TopicProfile,
): void {
  const counts = new Map<string, number>();
  const bump = (k: string): void => void counts.set(k, (counts.get(k) ?? 0) + 1);
  const story: { states: boolean; s: SentenceCues; at: number }[] = [];
  let offset = 0;
  for (const p of parts) {
    const sentences = bySentence(p.hits, p.ids);
    for (const s of sentences) {
      const classes = classesOf(s, profile);
      for (const c of classes) bump(c);
      for (const f of s.frames) {
        bump(`frame:${f}`);
        for (const c of classes) bump(`${f}&${c}`);
      }
      story.push({ states: classes.some((c) => STATES.has(c)), s, at: offset + s.id });
    }
    offset += p.ids.length ? p.ids[p.ids.length - 1]! + 1 : 0;
    if (p.role !== 'title' && p.role !== 'lead') continue;
    const first = p.hits.find((h) => h.value.actors.length > 0);
    const subject = first ? (first.value.actors.length > 1 ? 'pair' : first.value.actors[0]!) : 'none';
    add(`subj:${p.role}:${subject}`, 1);
    const lead = sentences[0];
    if (!lead) continue;
    for (const c of classesOf(lead, profile)) add(`subj:${p.role}:${subject}+${c}`, 1);
    for (const f of lead.frames) add(`subj:${p.role}:frame:${f}`, 1);
  }
  for (const [c, n] of counts) add(`x:${zone}:${c}`, Math.log1p(n) / 2);
  if (zone === 'all') storyProfile(add, story, profile);
}

/**
 * What the story is about rather than what it mentions: among its sentences naming an actor, the
 * share stating the relation, framed as a statement or accusation, naming North Korea, naming a
 * third country; and how early the relation is first stated (an alliance story states it in the
 * title or its first sentences, a North Korean statement or a Seoul market piece further down).
 */
function storyProfile(
  add: (name: string, value: number) => void,
  story: readonly { states: boolean; s: SentenceCues; at: number }[],
  profile: TopicProfile,
): void {
  const named = story.filter((x) => x.s.actors.size > 0);
  if (!named.length) return;
  const share = (test: (x: (typeof named)[number]) => boolean): number => named.filter(test).length / named.length;
  add(
    'share:states relation',
    share((x) => x.states),
  );
  add(
    'share:context',
    share((x) => profile.context.some((c) => x.s.actors.has(c))),
  );
  add(
    'share:third',
    share((x) => profile.third.some((t) => x.s.actors.has(t))),
  );
  for (const f of Object.keys(profile.framing ?? {}))
    add(
      `share:frame:${f}`,
      share((x) => x.s.frames.has(f)),
    );
  const first = story.find((x) => x.states)?.at;
  add(
    `first relation:${first === undefined ? 'none' : first <= 2 ? 'title or lead' : first <= 6 ? 'early' : 'late'}`,
    1,
  );
}
