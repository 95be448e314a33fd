// The shapes the relevance classifier takes and gives, shared by the rules and the learned model.

export interface RelevanceInput {
  title: string;
  lead: string | null;
  body: readonly string[];
}

export type RelevanceVerdict = 'on' | 'borderline' | 'off';

export interface RelevanceResult {
  /** Written as a story: on topic, or borderline (written and flagged for a person to judge). */
  onTopic: boolean;
  verdict: RelevanceVerdict;
  borderline: boolean;
  profile: string;
  score: number;
  /** The decision in words: "Korea and US named, no defence act together", "Korea–Japan the main subject". */
  reason: string;
  /** Strongest title/lead sentence relation (0–3). */
  leadRelation: number;
  /** Share of the story's topical sentence weight held by sentences that state the relation. */
  share: number;
  /** The cues that decided, strongest first. */
  topTerms: { term: string; score: number }[];
  /** With `{ explain: true }`: the sentences that state the relation, and their weight. */
  evidence?: { position: string; relation: number; weight: number; text: string }[];
  /** The learned model's judgement, when the profile ships one (config/topics/NAME.model.json). */
  learned?: LearnedJudgement;
}

export interface LearnedJudgement {
  /** Probability that the story is on topic, 0–1. */
  probability: number;
  /** On at or above this probability; borderline from `borderlineFrom`. */
  onFrom: number;
  borderlineFrom: number;
  /** The features that pushed most, strongest first: positive toward on, negative toward off. */
  features: { feature: string; weight: number }[];
}
