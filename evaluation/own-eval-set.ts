// Loads the labelled evaluation texts (own-set/articles.txt) and builds the republished copies
// described in own-set/near-duplicates.json. Shared by the eval scripts and their tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../config/project-root.js';

export const EVAL_DIR = projectPath('evaluation', 'own-set');

export interface EvalArticle {
  id: string;
  onTopic: boolean;
  kind: string;
  /** Articles with the same event are different write-ups of one event (dedupe hard negatives). */
  event: string | null;
  title: string;
  lead: string | null;
  paragraphs: string[];
}

export interface WireEdits {
  title?: string;
  /** Wire prefix before the lead: "TTXVN - ", "(Dân trí) - ". */
  prefix?: string;
  /** Paragraphs trimmed from the end. */
  dropLast?: number;
  /** Replacements applied to lead and paragraphs. */
  replace?: [string, string][];
  /** A rewritten lead. */
  lead?: string;
  /** Paragraphs added at the end. */
  append?: string[];
  /** A credit line left in the body (outlets whose credit is a plain paragraph). */
  credit?: string;
  mergeFirstTwo?: boolean;
}

export interface NearDuplicate {
  id: string;
  of: string;
  edits: WireEdits;
}

export function loadEvalArticles(file = path.join(EVAL_DIR, 'articles.txt')): EvalArticle[] {
  const out: EvalArticle[] = [];
  let cur: EvalArticle | null = null;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.startsWith('=== ')) {
        const [id, label, kind, event] = line
          .slice(4)
          .split('|')
          .map((s) => s.trim());
        if (!id || (label !== 'on' && label !== 'off') || !kind) throw new Error(`${file}:${i + 1}: bad header`);
        cur = {
          id,
          onTopic: label === 'on',
          kind,
          event: event && event !== '-' ? event : null,
          title: '',
          lead: null,
          paragraphs: [],
        };
        out.push(cur);
      } else if (line.trim() === '') {
        return;
      } else if (!cur) {
        throw new Error(`${file}:${i + 1}: text before the first header`);
      } else if (line.startsWith('T: ')) cur.title = line.slice(3).trim();
      else if (line.startsWith('L: ')) cur.lead = line.slice(3).trim();
      else if (line.startsWith('P: ')) cur.paragraphs.push(line.slice(3).trim());
      else throw new Error(`${file}:${i + 1}: expected T:, L: or P:`);
    });
  const ids = new Set<string>();
  for (const a of out) {
    if (ids.has(a.id)) throw new Error(`duplicate eval id ${a.id}`);
    ids.add(a.id);
    if (!a.title || a.paragraphs.length === 0) throw new Error(`eval article ${a.id} needs a title and paragraphs`);
  }
  return out;
}

export function loadNearDuplicates(file = path.join(EVAL_DIR, 'near-duplicates.json')): NearDuplicate[] {
  return JSON.parse(readFileSync(file, 'utf8')) as NearDuplicate[];
}

/** The republished copy: the original with the wire edits applied, in the order an editor makes them. */
export function applyWireEdits(a: EvalArticle, e: WireEdits): EvalArticle {
  const sub = (s: string): string => (e.replace ?? []).reduce((t, [from, to]) => t.split(from).join(to), s);
  let lead = e.lead ?? (a.lead === null ? null : sub(a.lead));
  let paragraphs = a.paragraphs.map(sub);
  if (e.dropLast) paragraphs = paragraphs.slice(0, Math.max(1, paragraphs.length - e.dropLast));
  if (e.mergeFirstTwo && paragraphs.length >= 2)
    paragraphs = [`${paragraphs[0]} ${paragraphs[1]}`, ...paragraphs.slice(2)];
  if (e.append) paragraphs = [...paragraphs, ...e.append];
  if (e.credit) paragraphs = [...paragraphs, e.credit];
  if (e.prefix) lead = `${e.prefix}${lead ?? ''}`;
  return { ...a, title: e.title ?? a.title, lead, paragraphs };
}
