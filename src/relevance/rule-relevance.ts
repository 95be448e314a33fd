// The hand-written rules (the learned model in learned-relevance.ts reads their verdict as
// features, and they judge alone for a profile without a model file). They decide whether a story
// is *about* a topic's relationship (by default the Korea–US defence
// alliance), not merely whether the words co-occur somewhere in it.
//
// Why this shape. The term-list classifier it replaces summed Korea, US and defence words over
// the whole text; on real news that accepts every Korea–Japan, Korea-only or trade story that
// mentions "Mỹ" once and a defence word once. What tells a reader the subject is where and how
// the two allies appear together:
//   1. Per sentence, the relation it states: a phrase that is the relationship itself (USFK,
//      Ulchi Freedom Shield, NCG, SMA, OPCON) or both allies with a defence act (or North Korea)
//      in the same sentence. A sentence that also names a third country is multilateral and
//      counts half; so does one whose defence vocabulary is only a weak word beside trade,
//      immigration, entertainment or arms-industry vocabulary.
//   2. Position: the title and lead say what a story is about; later sentences count less.
//   3. The story is on topic when the weighted relation score reaches the threshold and either
//      the title/lead states the relation, or the relation's sentences hold a minimum share of
//      the story's topical sentences (a relation in passing in paragraph five does not count).
// The same function works on a headline alone (the title is then the whole story). Every number
// and phrase lives in the topic's profile (config/topics/*.json); the measurements that chose
// them are in BENCHMARKS.md ("Relevance on real text").
import { DEFAULT_TOPIC, topicProfile } from '../../config/load-topics.js';
import type { TopicProfile } from '../../config/topic-schema.js';
import type { PhraseMatcher } from './phrase-matcher.js';
import { tokenSentences, wholeSentence, type TokenSentence } from './sentences.js';
import type { RelevanceInput, RelevanceResult, RelevanceVerdict } from './relevance-types.js';
import { buildCueMatcher, type CueRole } from './topic-cues.js';

type Position = 'title' | 'lead' | 'early' | 'body';

interface Sentence {
  text: string;
  position: Position;
  weight: number;
  actors: Set<string>;
  relation: number;
  act: number;
  offTopic: Set<string>;
  terms: string[];
}

const matchers = new Map<string, PhraseMatcher<CueRole>>();

/** The profile's cue matcher, built once per process. */
export function matcherFor(profile: TopicProfile): PhraseMatcher<CueRole> {
  let m = matchers.get(profile.name);
  if (!m) {
    m = buildCueMatcher(profile);
    matchers.set(profile.name, m);
  }
  return m;
}

function readSentence(
  { text, tokens, shapes }: TokenSentence,
  position: Position,
  profile: TopicProfile,
  m: PhraseMatcher<CueRole>,
  weight = profile.positions[position],
): Sentence {
  const s: Sentence = {
    text,
    position,
    weight,
    actors: new Set(),
    relation: 0,
    act: 0,
    offTopic: new Set(),
    terms: [],
  };
  const seenActs = new Set<string>();
  for (const hit of m.matchTokens(tokens, shapes)) {
    const r = hit.value;
    // A framing phrase alone (cáo buộc, đàm phán) is the learned model's feature, not the rules' cue.
    if (!r.actors.length && !r.relation && !r.act && !r.offTopic.length) continue;
    for (const a of r.actors) s.actors.add(a);
    if (r.relation > s.relation) s.relation = r.relation;
    // Each act phrase counts once per sentence: "quân sự … quân sự" is not twice the evidence.
    if (r.act > 0 && !seenActs.has(hit.phrase)) {
      seenActs.add(hit.phrase);
      s.act += r.act;
    }
    for (const c of r.offTopic) s.offTopic.add(c);
    s.terms.push(hit.phrase);
  }
  return s;
}

function sentencesOf(input: RelevanceInput, profile: TopicProfile, m: PhraseMatcher<CueRole>): Sentence[] {
  const out: Sentence[] = [];
  const titled = input.title.trim().length > 0;
  // The title is one sentence whatever its punctuation.
  if (titled) out.push(readSentence(wholeSentence(input.title), 'title', profile, m));
  let rest: TokenSentence[] = [];
  const lead = input.lead?.trim() ? tokenSentences(input.lead) : [];
  // Without a title (a bare excerpt) the first sentence is the headline and weighs as one.
  const leadWeight = (i: number): number => (!titled && i === 0 ? profile.positions.title : profile.positions.lead);
  lead.forEach((l, i) => out.push(readSentence(l, 'lead', profile, m, leadWeight(i))));
  for (const p of input.body) rest = rest.concat(tokenSentences(p));
  // Without a lead, the body's first sentence is the lead.
  rest.forEach((sentence, i) => {
    const pos: Position =
      lead.length === 0 && i === 0
        ? 'lead'
        : i < profile.positions.earlySentences + (lead.length ? 0 : 1)
          ? 'early'
          : 'body';
    out.push(readSentence(sentence, pos, profile, m, pos === 'lead' ? leadWeight(0) : undefined));
  });
  return out;
}

/** The relation a sentence states, 0–3 (see the header). */
function relationOf(s: Sentence, profile: TopicProfile): number {
  const [a, b] = profile.pair;
  const both = s.actors.has(a) && s.actors.has(b);
  const context = profile.context.some((c) => s.actors.has(c));
  let r = 0;
  if (s.relation > 0) r = s.relation;
  else if (both && (s.act >= 2 || context)) r = 2;
  else if (both && s.act >= 1) r = 1;
  if (r === 0) return 0;
  if (profile.third.some((t) => s.actors.has(t))) r /= 2;
  if (s.offTopic.size > 0 && s.act < 2 && s.relation === 0) r /= 2;
  return r;
}

const PAIR_NAMES: Record<string, string> = {
  korea: 'Korea',
  us: 'US',
  'north-korea': 'North Korea',
  japan: 'Japan',
  china: 'China',
  russia: 'Russia',
  vietnam: 'Vietnam',
  elsewhere: 'another country',
};
const nameOf = (actor: string): string => PAIR_NAMES[actor] ?? actor;

/** Why a story that does not state the relation enough is off: the subject that competes. */
function offReason(sentences: Sentence[], rel: number[], profile: TopicProfile): string {
  const [a, b] = profile.pair;
  const named = (x: string): boolean => sentences.some((s) => s.actors.has(x));
  if (!named(a) && !named(b)) return `neither ${nameOf(a)} nor ${nameOf(b)} named`;
  if (!named(a)) return `${nameOf(a)} not named`;
  if (!named(b)) {
    const acts = sentences.some((s) => s.actors.has(a) && s.act >= 2);
    return acts ? `${nameOf(a)}-only defence, ${nameOf(b)} not named` : `${nameOf(b)} not named`;
  }
  // Both named: what holds the title and lead, or most of the weight, instead?
  const competing = new Map<string, number>();
  const add = (k: string, w: number): void => void competing.set(k, (competing.get(k) ?? 0) + w);
  sentences.forEach((s, i) => {
    if (rel[i]! >= 2) return;
    for (const c of s.offTopic) add(`${c} the main subject`, s.weight);
    for (const t of profile.third)
      if (s.actors.has(t) && (s.actors.has(a) || profile.context.some((c) => s.actors.has(c))))
        add(`${nameOf(a)}–${nameOf(t)} the main subject`, s.weight);
    if (s.actors.has(a) && !s.actors.has(b) && s.act >= 2) add(`${nameOf(a)}-only defence the main subject`, s.weight);
  });
  const top = [...competing.entries()].sort((x, y) => y[1] - x[1])[0];
  const anyRelation = rel.some((r) => r > 0);
  if (!anyRelation) return `${nameOf(a)} and ${nameOf(b)} named, no defence act together${top ? `; ${top[0]}` : ''}`;
  return `${nameOf(a)}–${nameOf(b)} defence only in passing${top ? `; ${top[0]}` : ''}`;
}

export function classifyByRules(
  input: RelevanceInput,
  profileName = DEFAULT_TOPIC,
  opts: { explain?: boolean } = {},
): RelevanceResult {
  const profile = topicProfile(profileName);
  const sentences = sentencesOf(input, profile, matcherFor(profile));
  const rel = sentences.map((s) => relationOf(s, profile));
  let score = 0;
  let relWeight = 0;
  let topicalWeight = 0;
  let leadRelation = 0;
  const perTerm = new Map<string, number>();
  sentences.forEach((s, i) => {
    const r = rel[i]!;
    if (s.actors.size > 0 || s.act > 0) topicalWeight += s.weight;
    // Terms of sentences that state no relation still show what the story names, far below.
    for (const t of new Set(s.terms)) perTerm.set(t, (perTerm.get(t) ?? 0) + (r > 0 ? r : 0.1) * s.weight);
    if (r === 0) return;
    score += r * s.weight;
    relWeight += s.weight;
    if (s.position === 'title' || s.position === 'lead') leadRelation = Math.max(leadRelation, r);
  });
  const share = topicalWeight === 0 ? 0 : relWeight / topicalWeight;
  const subject = leadRelation >= profile.leadThreshold || share >= profile.minShare;
  const on = score >= profile.threshold && subject;
  const near = !on && subject && score >= profile.threshold - profile.borderline && score > 0;
  const verdict: RelevanceVerdict = on ? 'on' : near ? 'borderline' : 'off';
  const [a, b] = profile.pair;
  const reason = on
    ? leadRelation >= profile.leadThreshold
      ? `${nameOf(a)}–${nameOf(b)} defence relation in the title or lead`
      : `${nameOf(a)}–${nameOf(b)} defence relation through the story (share ${share.toFixed(2)})`
    : near
      ? `near the threshold: ${nameOf(a)}–${nameOf(b)} defence relation stated weakly`
      : offReason(sentences, rel, profile);
  const topTerms = [...perTerm.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, 8)
    .map(([term, s]) => ({ term, score: Math.round(s * 100) / 100 }));
  return {
    onTopic: verdict !== 'off',
    verdict,
    borderline: verdict === 'borderline',
    profile: profile.name,
    score: Math.round(score * 100) / 100,
    reason,
    leadRelation,
    share: Math.round(share * 1000) / 1000,
    topTerms,
    ...(opts.explain
      ? {
          evidence: sentences
            .map((s, i) => ({ position: s.position, relation: rel[i]!, weight: s.weight, text: s.text }))
            .filter((e) => e.relation > 0),
        }
      : {}),
  };
}
