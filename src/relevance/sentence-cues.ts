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

interface SentenceCues {
  actors: Set<string>;
  act: number;
  relation: number;
  off: boolean;
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
      out.push({ actors: new Set(), act: 0, relation: 0, off: false });
    }
    const s = out[out.length - 1]!;
    for (const a of h.value.actors) s.actors.add(a);
    s.relation = Math.max(s.relation, h.value.relation);
    // An act phrase counts once per sentence, as in the rules.
    if (h.value.act > 0 && !seenActs.has(h.phrase)) {
      seenActs.add(h.phrase);
      s.act += h.value.act;
    }
    if (h.value.offTopic.length) s.off = true;
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

/**
 * Adds the zone's sentence classes (log-scaled counts), and for the title and lead their subject:
 * the first actor they name, alone and with what the sentence states.
 */
export function sentenceCueFeatures(
  add: (name: string, value: number) => void,
  zone: string,
  parts: readonly { hits: PhraseHit<CueRole>[]; ids: Int32Array; role: string }[],
  profile: TopicProfile,
): void {
  const counts = new Map<string, number>();
  for (const p of parts) {
    const sentences = bySentence(p.hits, p.ids);
    for (const s of sentences) for (const c of classesOf(s, profile)) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (p.role !== 'title' && p.role !== 'lead') continue;
    const first = p.hits.find((h) => h.value.actors.length > 0);
    const subject = first ? (first.value.actors.length > 1 ? 'pair' : first.value.actors[0]!) : 'none';
    add(`subj:${p.role}:${subject}`, 1);
    const lead = sentences[0];
    if (lead) for (const c of classesOf(lead, profile)) add(`subj:${p.role}:${subject}+${c}`, 1);
  }
  for (const [c, n] of counts) add(`x:${zone}:${c}`, Math.log1p(n) / 2);
}
