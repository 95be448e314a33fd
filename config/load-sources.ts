// Validates every source file at start-up. A bad file stops tinwatch with the file and field
// named (config/sources/x.ts: extract.title.0: ...), never a crawl that silently finds nothing.
import type { z } from 'zod';
import { sourceSchema, type SourceConfig } from './source-schema.js';
import { SOURCE_FILES } from './sources/index.js';
import { ConfigError } from './errors.js';

export function formatZodIssues(file: string, error: z.ZodError): string {
  return error.issues.map((i) => `${file}: ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('\n');
}

export function parseSources(files: Record<string, unknown>): SourceConfig[] {
  const out: SourceConfig[] = [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const [file, raw] of Object.entries(files)) {
    const res = sourceSchema.safeParse(raw);
    if (!res.success) {
      problems.push(formatZodIssues(`config/sources/${file}`, res.error));
      continue;
    }
    const prev = ids.get(res.data.id);
    if (prev) problems.push(`config/sources/${file}: id: "${res.data.id}" is already used by ${prev}`);
    ids.set(res.data.id, file);
    out.push(res.data);
  }
  if (problems.length) throw new ConfigError(`invalid source configuration:\n${problems.join('\n')}`);
  return out;
}

let cached: SourceConfig[] | undefined;

export function loadSources(): SourceConfig[] {
  cached ??= parseSources(SOURCE_FILES);
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
