// Inputs shared by the alert benchmark: a long article from the seeds and synthetic rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ruleSchema, type RuleConfig } from '../../config/watchlist-schema.js';

const SHARED = path.resolve(import.meta.dirname, '../../../shared');

/** A ~2,000-word article built from the user's seed texts. */
export function longArticle(): { title: string; lead: string; body: string[] } {
  const paras: string[] = [];
  for (const f of [
    '000_af8e3c8afcbec8d7.txt',
    '002_a49628ed399f9ad6.txt',
    '003_69ea108cfccae866.txt',
    '004_e7a8390db07d33a4.txt',
  ]) {
    paras.push(
      ...readFileSync(path.join(SHARED, 'seeds', f), 'utf8')
        .split('\n')
        .filter((l) => l.trim().length > 40),
    );
  }
  const body: string[] = [];
  let words = 0;
  for (let i = 0; words < 2_000; i++) {
    const p = paras[i % paras.length]!;
    body.push(p);
    words += p.split(/\s+/).length;
  }
  return { title: 'Bộ trưởng Quốc phòng Mỹ thăm Seoul trước cuộc tập trận song phương', lead: paras[0]!, body };
}

/** n rules of mixed shapes over vocabulary from 14,434 real RSS titles. */
/**
 * n rules of mixed shapes (phrase, AND, OR, NEAR, NOT; every tenth diacritic-free) over words and
 * word pairs from the 14,434 real RSS titles. `specific` keeps only terms found in under 0.5% of
 * titles, like real watch terms (names, acronyms, defence vocabulary); without it common words
 * such as "của" become rules too, which matches far more rules than any real watchlist would.
 */
export function syntheticRules(n: number, specific = true): RuleConfig[] {
  const gz = readFileSync(path.join(SHARED, 'reference/rss-items-2026.jsonl.gz'));
  const titles = gunzipSync(gz)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { title: string }).title);
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
