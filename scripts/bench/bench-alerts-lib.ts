// Inputs of the alert benchmark: a long article from the project's own hand-written texts and
// synthetic rules over real headline vocabulary (the 2026 RSS items when the reference material
// is present, else the titles and leads of the own texts, and the report says which).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ruleSchema, type RuleConfig } from '../../config/watchlist-schema.js';
import { loadEvalArticles } from '../../evaluation/own-eval-set.js';
import { referenceMissing, referencePath } from '../../evaluation/reference-material.js';

const RSS_ITEMS = referencePath('rss-items-2026.jsonl.gz');

/** A ~2,000-word article built from the project's own on-topic texts. */
export function longArticle(): { title: string; lead: string; body: string[] } {
  const paras = loadEvalArticles()
    .filter((a) => a.onTopic)
    .flatMap((a) => [a.lead ?? '', ...a.paragraphs])
    .filter((l) => l.trim().length > 40);
  const body: string[] = [];
  let words = 0;
  for (let i = 0; words < 2_000; i++) {
    const p = paras[i % paras.length]!;
    body.push(p);
    words += p.split(/\s+/).length;
  }
  return {
    title: 'Bộ trưởng Quốc phòng Mỹ sắp tới Seoul bàn về răn đe trước đợt tập trận chung',
    lead: paras[0]!,
    body,
  };
}

/** Where the rules' vocabulary comes from, for the report. */
export function ruleVocabulary(): string {
  return referenceMissing(RSS_ITEMS, 'the 2026 RSS items') === null
    ? '14,434 real RSS titles'
    : "the titles and leads of the project's own texts (RSS items absent)";
}

function headlines(): string[] {
  if (referenceMissing(RSS_ITEMS, 'the 2026 RSS items') !== null)
    return loadEvalArticles().flatMap((a) => [a.title, a.lead ?? '']);
  return gunzipSync(readFileSync(RSS_ITEMS))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { title: string }).title);
}

/**
 * n rules of mixed shapes (phrase, AND, OR, NEAR, NOT; every tenth diacritic-free) over words and
 * word pairs of real headlines (`ruleVocabulary`). `specific` keeps only terms found in under 0.5% of
 * titles, like real watch terms (names, acronyms, defence vocabulary); without it common words
 * such as "của" become rules too, which matches far more rules than any real watchlist would.
 */
export function syntheticRules(n: number, specific = true): RuleConfig[] {
  const titles = headlines();
  const df = new Map<string, number>();
  const grams: string[] = [];
  for (const t of titles) {
    const w = t.split(/[\s,.:;!?"'“”()]+/).filter((x) => x.length > 1);
    const here = new Set<string>();
    for (let i = 0; i + 1 < w.length; i += 2) here.add(i % 4 === 0 ? w[i]! : `${w[i]} ${w[i + 1]}`);
    for (const g of here) {
      df.set(g, (df.get(g) ?? 0) + 1);
      grams.push(g);
    }
  }
  const pool = specific ? grams.filter((g) => (df.get(g) ?? 0) < titles.length * 0.005) : grams;
  const pick = (i: number) => pool[(i * 7919) % pool.length]!.replace(/"/g, '');
  const rules: RuleConfig[] = [];
  for (let i = 0; i < n; i++) {
    const a = pick(3 * i);
    const b = pick(3 * i + 1);
    const c = pick(3 * i + 2);
    const query = [
      `"${a}"`,
      `"${a}" AND "${b}"`,
      `"${a}" OR "${b}" OR "${c}"`,
      `"${a}" NEAR/8 "${b}"`,
      `"${a}" AND NOT "${b}"`,
    ][i % 5]!;
    rules.push(ruleSchema.parse({ name: `r${i}`, query, channels: ['log'], diacriticFree: i % 10 === 0 }));
  }
  // Always include the real watch terms so the article has matches to evaluate.
  rules[0] = ruleSchema.parse({ name: 'r0', query: '"răn đe mở rộng" OR GSOMIA OR "tập trận"', channels: ['log'] });
  return rules;
}
