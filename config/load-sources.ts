// Reads and checks every source at start-up: the data files config/sources/<id>.yaml (or .json)
// and any TypeScript source listed in config/sources/index.ts. A bad file stops tinwatch with the
// file, line and field named (config/sources/x.yaml:12:5: extract.title.0: …), never a crawl
// that silently finds nothing. The schema for editors is schemas/source.schema.json.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './errors.js';
import { projectPath } from './project-root.js';
import { sourceSchema, type SourceConfig } from './source-schema.js';
import { TYPESCRIPT_SOURCES } from './sources/index.js';
import { issuePath, readYamlConfig, type YamlConfig } from './yaml-config.js';

export const SOURCES_DIR = projectPath('config', 'sources');

/** One source as written: where it came from, and where each of its fields is. */
export interface SourceFile {
  file: string;
  raw: unknown;
  where?: YamlConfig['where'];
}

export function formatZodIssues(file: string, error: z.ZodError, where?: YamlConfig['where']): string {
  return error.issues
    .map((i) => `${where ? where(issuePath(i)) : file}: ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('\n');
}

export function checkSources(files: readonly SourceFile[]): SourceConfig[] {
  const out: SourceConfig[] = [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const { file, raw, where } of files) {
    const res = sourceSchema.safeParse(raw);
    if (!res.success) {
      problems.push(formatZodIssues(file, res.error, where));
      continue;
    }
    const prev = ids.get(res.data.id);
    if (prev) problems.push(`${where ? where(['id']) : file}: id: "${res.data.id}" is already used by ${prev}`);
    ids.set(res.data.id, path.basename(file));
    out.push(res.data);
  }
  if (problems.length) throw new ConfigError(`invalid source configuration:\n${problems.join('\n')}`);
  return out;
}

/** Sources given as objects, by file name (TypeScript sources, tests). */
export function parseSources(files: Record<string, unknown>): SourceConfig[] {
  return checkSources(Object.entries(files).map(([file, raw]) => ({ file: `config/sources/${file}`, raw })));
}

/** The data files of a sources folder, by name; a YAML mistake names its line. */
export function readSourceFiles(dir = SOURCES_DIR): SourceFile[] {
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((name) => {
      const doc = readYamlConfig(path.join(dir, name));
      return { file: doc.shownAs, raw: doc.value, where: doc.where };
    });
}

let cached: SourceConfig[] | undefined;

export function loadSources(): SourceConfig[] {
  cached ??= checkSources([
    ...readSourceFiles(),
    ...Object.entries(TYPESCRIPT_SOURCES).map(([file, raw]) => ({ file: `config/sources/${file}`, raw })),
  ]);
  return cached;
}

export function sourceById(id: string): SourceConfig {
  const s = loadSources().find((x) => x.id === id);
  if (!s)
    throw new ConfigError(
      `unknown source "${id}" (known: ${loadSources()
        .map((x) => x.id)
        .join(', ')})`,
    );
  return s;
}

/** The source whose hosts include this URL's host (www./m. ignored). */
export function sourceForUrl(url: string): SourceConfig | undefined {
  const host = new URL(url).hostname.toLowerCase().replace(/^(?:www|m)\./, '');
  return loadSources().find((s) => s.hosts.includes(host));
}
