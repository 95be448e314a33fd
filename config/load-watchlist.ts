// Reads and checks the watchlist file (YAML or JSON): an error names file:line:col, the rule or
// channel, and the field. The schema for editors is schemas/watchlist.schema.json.
import { statSync } from 'node:fs';
import path from 'node:path';
import { readEnv } from './env.js';
import { ConfigError } from './errors.js';
import { projectPath } from './project-root.js';
import { issuePath, parseYamlConfig, readYamlConfig, shownPath, type YamlConfig } from './yaml-config.js';
import { watchlistSchema, type Watchlist } from './watchlist-schema.js';

const BUNDLED_WATCHLIST = projectPath('config', 'watchlist.yaml');

function describePath(raw: unknown, p: readonly PropertyKey[]): string {
  // rules.3.query → rule "joint-drills" query
  if (p[0] === 'rules' && typeof p[1] === 'number') {
    const rules = (raw as { rules?: { name?: string }[] } | null)?.rules;
    const name = Array.isArray(rules) ? rules[p[1]]?.name : undefined;
    return `rule "${name ?? p[1]}" ${p.slice(2).join('.') || '(rule)'}`;
  }
  if (p[0] === 'channels' && p[1] !== undefined)
    return `channel "${String(p[1])}" ${p.slice(2).join('.') || '(channel)'}`;
  return p.join('.') || '(file)';
}

/**
 * Bytes a watchlist may take per allowed rule: a rule is one to three short lines, so a file past
 * this is refused before the YAML parser spends seconds and hundreds of MB on it (a 60,000-rule
 * file held the process, and /healthz with it, for 7.5 s at 1.18 GB).
 */
const BYTES_PER_RULE = 512;

/** Refuses a rule set larger than `maxRules` (TINWATCH_MAX_RULES), naming the file and count. */
function checkRuleCount(raw: unknown, file: string, maxRules: number): void {
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (Array.isArray(rules) && rules.length > maxRules)
    throw new ConfigError(
      `${file}: ${rules.length} watch rules, more than the ${maxRules} allowed (TINWATCH_MAX_RULES); split the watch or raise the limit`,
    );
}

/** Checks a parsed watchlist; `where` places each error in the file it came from. */
export function parseWatchlist(
  raw: unknown,
  where: YamlConfig['where'] | string = 'config/watchlist.yaml',
  maxRules = readEnv().TINWATCH_MAX_RULES,
): Watchlist {
  checkRuleCount(raw, typeof where === 'string' ? where : where([]).replace(/:\d+:\d+$/, ''), maxRules);
  const res = watchlistSchema.safeParse(raw);
  if (res.success) return res.data;
  const at = typeof where === 'string' ? () => where : where;
  const lines = res.error.issues.map((i) => `${at(issuePath(i))}: ${describePath(raw, i.path)}: ${i.message}`);
  throw new ConfigError(`invalid watchlist:\n${lines.join('\n')}`);
}

export function parseWatchlistText(text: string, file: string): Watchlist {
  const doc = parseYamlConfig(text, file);
  return parseWatchlist(doc.value, doc.where);
}

/** The watchlist file in use: the TINWATCH_WATCHLIST setting, else the bundled one. */
export function watchlistFile(setting: string | undefined = readEnv().TINWATCH_WATCHLIST): string {
  return path.resolve(setting ?? BUNDLED_WATCHLIST);
}

/** Reads and checks a watchlist file now (no cache: hot reload calls it on every change). */
export function readWatchlist(file = watchlistFile(), maxRules = readEnv().TINWATCH_MAX_RULES): Watchlist {
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size > maxRules * BYTES_PER_RULE)
    throw new ConfigError(
      `${shownPath(file)}: ${(size / 1e6).toFixed(1)} MB, more than a watchlist of ${maxRules} rules (TINWATCH_MAX_RULES) takes: refused unread`,
    );
  const doc = readYamlConfig(file);
  return parseWatchlist(doc.value, doc.where, maxRules);
}

let cached: { file: string; watchlist: Watchlist } | undefined;

export function loadWatchlist(): Watchlist {
  const file = watchlistFile();
  if (cached?.file !== file) cached = { file, watchlist: readWatchlist(file) };
  return cached.watchlist;
}
