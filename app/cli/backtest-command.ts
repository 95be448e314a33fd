// `tinwatch alerts backtest`: a watch rule, or a draft query, run over every article already
// written — what it would have caught, newest first, with the matched words highlighted. The
// dashboard's search page runs the same search (src/search).
import { readEnv } from '../../config/env.js';
import { ConfigError } from '../../config/errors.js';
import { readWatchlist } from '../../config/load-watchlist.js';
import { draftRule, type RuleConfig } from '../../config/watchlist-schema.js';
import { ConceptContributions, formatContributions } from '../../src/match/concept-contributions.js';
import { markRanges } from '../../src/match/match-sentence.js';
import { searchArticles } from '../../src/search/article-search.js';
import { ManifestIndex } from '../../src/search/manifest-index.js';
import { vietnamTime } from '../../src/text/vietnam-time.js';
import { isCalendarDay } from '../../src/brief/brief-days.js';

export interface RuleChoice {
  rule?: string;
  query?: string;
  fields?: string[];
  diacriticFree?: boolean;
}

/** The rule a command names, or the draft --query; exactly one of them. */
export function chooseRule(o: RuleChoice): RuleConfig {
  if (!o.rule === !o.query) throw new ConfigError("give a rule name or --query '…' (one of them)");
  if (o.query !== undefined) {
    try {
      return draftRule(o.query, {
        ...(o.fields ? { fields: o.fields } : {}),
        ...(o.diacriticFree ? { diacriticFree: true } : {}),
      });
    } catch (err) {
      throw new ConfigError(`--${(err as Error).message}`);
    }
  }
  const rules = readWatchlist().rules;
  const rule = rules.find((r) => r.name === o.rule);
  if (!rule) throw new ConfigError(`unknown rule "${o.rule}" (known: ${rules.map((r) => r.name).join(', ')})`);
  if (!o.fields && !o.diacriticFree) return rule;
  // --fields and --diacritic-free try a variant of the rule; checked as the watchlist would be.
  const variant = draftRule(rule.query, {
    fields: o.fields ?? rule.fields,
    diacriticFree: o.diacriticFree === true || rule.diacriticFree,
  });
  return { ...rule, fields: variant.fields, diacriticFree: variant.diacriticFree };
}

export interface BacktestOptions extends RuleChoice {
  outlet?: string;
  from?: string;
  to?: string;
  limit: number;
}

export async function runBacktest(o: BacktestOptions, out: NodeJS.WritableStream, colour: boolean): Promise<number> {
  const rule = chooseRule(o);
  for (const [name, v] of [
    ['--from', o.from],
    ['--to', o.to],
  ] as const)
    if (v !== undefined && !isCalendarDay(v))
      throw new ConfigError(`${name}: "${v}" is not a day (YYYY-MM-DD, Vietnam time)`);
  const outDir = readEnv().TINWATCH_OUT;
  const articles = await new ManifestIndex(outDir).articles();
  const contributions = new ConceptContributions(rule.concepts);
  const page = await searchArticles(
    outDir,
    articles,
    {
      query: rule,
      ...(o.outlet ? { outlet: o.outlet } : {}),
      ...(o.from ? { from: o.from } : {}),
      ...(o.to ? { to: o.to } : {}),
    },
    { offset: 0, limit: o.limit, countAll: true },
    { onMatch: (_a, spans) => contributions.add(spans) },
  );
  const mark = colour ? (s: string) => `\x1b[1;33m${s}\x1b[0m` : (s: string) => `«${s}»`;
  for (const { article: a, match } of page.hits) {
    out.write(`${vietnamTime(a.published_at ?? a.written_at)}  ${a.outlet}  ${a.title}\n`);
    out.write(`  ${outDir}/${a.file}\n`);
    if (match) out.write(`  ${match.field}: ${markRanges(match, mark)}\n`);
  }
  const what = o.query !== undefined ? `query ${o.query}` : `rule ${rule.name}: ${rule.query}`;
  const shown = page.total! > page.hits.length ? `; the newest ${page.hits.length} shown (--limit)` : '';
  const missing = page.textMissing ? `; ${page.textMissing} text files removed by retention were not read` : '';
  out.write(`${page.total} of ${articles.length} written articles match the ${what}${shown}${missing}\n`);
  out.write(formatContributions(contributions.list()));
  return page.total!;
}
