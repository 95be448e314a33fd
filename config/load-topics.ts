// Loads topic profiles from config/topics/*.json at start-up. A bad file fails naming the file,
// the line and the field, as every other configuration does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './errors.js';
import { topicProfileSchema, type TopicProfile } from './topic-schema.js';
import { projectPath } from './project-root.js';

export const TOPICS_DIR = projectPath('config', 'topics');
export const DEFAULT_TOPIC = 'korea-us-defence';
/** A profile's learned relevance model: config/topics/NAME.model.json. */
export const MODEL_SUFFIX = '.model.json';

/** 1-based line of a JSON field, found by walking its keys in order through the text. */
export function lineOfField(text: string, fieldPath: readonly PropertyKey[]): number {
  let at = 0;
  for (const key of fieldPath) {
    if (typeof key !== 'string') continue;
    const i = text.indexOf(JSON.stringify(key), at);
    if (i < 0) break;
    at = i;
  }
  return text.slice(0, at).split('\n').length;
}

export function parseTopicProfile(text: string, file: string): TopicProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
    throw new ConfigError(`${file}:${line}: not valid JSON: ${msg}`);
  }
  const res = topicProfileSchema.safeParse(raw);
  if (res.success) return res.data;
  const lines = res.error.issues.map(
    (i) => `${file}:${lineOfField(text, i.path)}: ${i.path.join('.') || '(root)'}: ${i.message}`,
  );
  throw new ConfigError(`invalid topic profile:\n${lines.join('\n')}`);
}

export function loadTopicProfiles(dir = TOPICS_DIR): Map<string, TopicProfile> {
  const out = new Map<string, TopicProfile>();
  for (const name of readdirSync(dir)
    // NAME.model.json beside a profile is its learned model (load-relevance-model.ts), not a profile.
    .filter((f) => f.endsWith('.json') && !f.endsWith(MODEL_SUFFIX))
    .sort()) {
    const file = path.join(dir, name);
    const profile = parseTopicProfile(readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file);
    if (profile.name !== name.slice(0, -'.json'.length))
      throw new ConfigError(`${file}: name "${profile.name}" must match the file name`);
    out.set(profile.name, profile);
  }
  return out;
}

let cached: Map<string, TopicProfile> | undefined;

/** The enabled profiles, in file-name order. */
export function enabledTopicProfiles(): TopicProfile[] {
  cached ??= loadTopicProfiles();
  return [...cached.values()].filter((p) => p.enabled);
}

/** The profile called `name` (the Korea–US defence profile by default). */
export function topicProfile(name = DEFAULT_TOPIC): TopicProfile {
  cached ??= loadTopicProfiles();
  const p = cached.get(name);
  if (!p) throw new ConfigError(`no topic profile "${name}" in ${TOPICS_DIR} (have: ${[...cached.keys()].join(', ')})`);
  return p;
}
