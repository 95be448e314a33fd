// Reads the concept files (config/concepts/*.yaml) and checks each: an error names file:line:col
// and the field, as the watchlist's do, and stops tinwatch at start (exit 2). The set is read
// again when a file changes (stat stamps), so a watchlist reload also takes concept edits.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { conceptFileSchema, conceptOf, type Concept } from './concept-schema.js';
import { ConfigError } from './errors.js';
import { projectPath } from './project-root.js';
import { issuePath, parseYamlConfig, readYamlConfig, type YamlConfig } from './yaml-config.js';

export const CONCEPTS_DIR = projectPath('config', 'concepts');

/** Concepts by name. */
export type ConceptSet = ReadonlyMap<string, Concept>;

/** Checks one parsed concept file; `where` places each error in it. */
export function parseConcept(raw: unknown, where: YamlConfig['where'], expectedName?: string): Concept {
  const res = conceptFileSchema.safeParse(raw);
  if (!res.success) {
    const lines = res.error.issues.map((i) => {
      const at = issuePath(i);
      return `${where(at)}: ${at.join('.') || '(file)'}: ${i.message}`;
    });
    throw new ConfigError(`invalid concept file:\n${lines.join('\n')}`);
  }
  if (expectedName !== undefined && res.data.name !== expectedName)
    throw new ConfigError(`${where(['name'])}: name: "${res.data.name}" must be the file's name ("${expectedName}")`);
  return conceptOf(res.data);
}

export function parseConceptText(text: string, file: string): Concept {
  const doc = parseYamlConfig(text, file);
  return parseConcept(doc.value, doc.where);
}

function conceptFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // no concept folder: no concepts
  }
  return names
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every concept of `dir`, checked; two files of one name are an error. */
export function readConcepts(dir = CONCEPTS_DIR): ConceptSet {
  const out = new Map<string, Concept>();
  for (const file of conceptFiles(dir)) {
    const doc = readYamlConfig(file);
    const concept = parseConcept(doc.value, doc.where, path.basename(file).replace(/\.ya?ml$/, ''));
    out.set(concept.name, concept);
  }
  return out;
}

let cached: { dir: string; stamp: string; set: ConceptSet } | undefined;

function stampOf(dir: string): string {
  return conceptFiles(dir)
    .map((f) => {
      const st = statSync(f, { throwIfNoEntry: false });
      return `${f}:${st?.mtimeMs ?? 0}:${st?.size ?? 0}`;
    })
    .join('|');
}

/** The concepts in use, read again only when a file changed. */
export function loadConcepts(dir = CONCEPTS_DIR): ConceptSet {
  const stamp = stampOf(dir);
  if (cached?.dir !== dir || cached.stamp !== stamp) cached = { dir, stamp, set: readConcepts(dir) };
  return cached.set;
}
