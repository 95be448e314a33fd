// Reads a YAML (or JSON: YAML's subset) configuration file keeping where each value was written,
// so a schema error can name file:line:column and the field, as a compiler would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { ConfigError } from './errors.js';
import { checkYamlDepth } from './yaml-depth.js';

/** Aliases a document may expand: a few hundred is generous; a YAML bomb needs thousands. */
const MAX_ALIAS_COUNT = 100;

export interface YamlConfig {
  value: unknown;
  /** "file:line:col" of the value at this path, or of its nearest written parent. */
  where(path: readonly PropertyKey[]): string;
}

export function parseYamlConfig(text: string, file: string): YamlConfig {
  checkYamlDepth(text, file);
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): string => {
    const p = lines.linePos(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  const first = doc.errors[0];
  if (first) throw new ConfigError(`${at(first.pos[0])}: not valid YAML: ${first.message.split('\n')[0]}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // The library's words for a YAML bomb ("resource exhaustion"), placed at the first alias.
    let alias = 0;
    visit(doc, {
      Alias(_key, node) {
        alias = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const why = /alias/i.test((err as Error).message)
      ? `aliases expand past ${MAX_ALIAS_COUNT} times (a YAML bomb?)`
      : (err as Error).message;
    throw new ConfigError(`${at(alias)}: not valid YAML: ${why}`);
  }
  return {
    value,
    where(path) {
      // Walk down as far as the document goes: a missing field is reported at its parent.
      for (let n = path.length; n >= 0; n--) {
        const node: unknown = doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return at(node.range[0]);
      }
      return `${file}:1:1`;
    },
  };
}

/**
 * Where a schema issue is in the file: an unknown key is reported at the key itself (its parent,
 * the whole file for a top-level key, told nobody which line to look at).
 */
export function issuePath(issue: {
  path: readonly PropertyKey[];
  code?: string;
  keys?: readonly string[];
}): PropertyKey[] {
  return issue.code === 'unrecognized_keys' && issue.keys?.length ? [...issue.path, issue.keys[0]!] : [...issue.path];
}

/** A file as errors name it: relative to where tinwatch runs, absolute when outside it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : path.resolve(file);
}

export function readYamlConfig(file: string): YamlConfig & { shownAs: string } {
  const shownAs = shownPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${shownAs}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return { ...parseYamlConfig(text, shownAs), shownAs };
}
