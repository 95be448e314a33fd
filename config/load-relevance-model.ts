// Loads a topic profile's learned relevance model, config/topics/NAME.model.json, written by
// `npm run train:relevance`. A profile without one is judged by its hand-written rules alone.
// The file holds hashed feature buckets and weights only (no words), and the probability
// thresholds chosen by cross-validation when it was trained. A bad file fails naming the file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { MODEL_SUFFIX, TOPICS_DIR } from './load-topics.js';

export const relevanceModelSchema = z
  .object({
    profile: z.string().min(1),
    about: z.string(),
    /** Hash buckets of the feature space (relevance-features.ts). */
    dim: z.number().int().positive(),
    /** On at or above this probability; written and flagged borderline from `borderlineFrom`. */
    onFrom: z.number().min(0).max(1),
    borderlineFrom: z.number().min(0).max(1),
    /** Shorter stories (a headline alone, a feed snippet) are unlike the training texts: the rules judge them. */
    minSyllables: z.number().int().nonnegative(),
    trained: z.record(z.string(), z.union([z.string(), z.number()])),
    /** Non-zero weights: bucket → weight, as two parallel arrays. */
    index: z.array(z.number().int().nonnegative()),
    weight: z.array(z.number()),
  })
  .strict()
  .refine((m) => m.index.length === m.weight.length, { message: 'index and weight differ in length' })
  .refine((m) => m.borderlineFrom <= m.onFrom, { message: 'borderlineFrom above onFrom' })
  .refine((m) => m.index.every((i) => i < m.dim), { message: 'an index is outside dim' });

export type RelevanceModelFile = z.infer<typeof relevanceModelSchema>;

export interface RelevanceModel extends Omit<RelevanceModelFile, 'index' | 'weight'> {
  /** Dense weights by bucket. */
  weights: Float64Array;
}

export function modelFromFile(m: RelevanceModelFile): RelevanceModel {
  const weights = new Float64Array(m.dim);
  m.index.forEach((i, k) => (weights[i] = m.weight[k]!));
  return {
    profile: m.profile,
    about: m.about,
    dim: m.dim,
    onFrom: m.onFrom,
    borderlineFrom: m.borderlineFrom,
    minSyllables: m.minSyllables,
    trained: m.trained,
    weights,
  };
}

export function parseRelevanceModel(text: string, file: string): RelevanceModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const res = relevanceModelSchema.safeParse(raw);
  if (!res.success)
    throw new ConfigError(
      `invalid relevance model ${file}: ${res.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return modelFromFile(res.data);
}

export const modelPath = (profile: string, dir = TOPICS_DIR): string => path.join(dir, `${profile}${MODEL_SUFFIX}`);

const cache = new Map<string, RelevanceModel | null>();

/** The profile's learned model, or null when it ships none. Read once per process. */
export function relevanceModel(profile: string): RelevanceModel | null {
  if (!cache.has(profile)) {
    const file = modelPath(profile);
    cache.set(profile, existsSync(file) ? parseRelevanceModel(readFileSync(file, 'utf8'), file) : null);
  }
  return cache.get(profile)!;
}
