// The watchlist: alert channels and keyword rules. Checked with zod at start-up; an error names
// the rule (or channel) and the field. Secrets are never written here: channels name the
// environment variable that holds them.
import { z } from 'zod';
import { conceptsOf, parseQuery, QuerySyntaxError } from './query-language.js';
import { loadTopicProfiles } from './load-topics.js';
import { loadConcepts } from './load-concepts.js';
import type { Concept } from './concept-schema.js';
import { ruleAlertOptions } from './rule-alert-options.js';
import { ConfigError } from './errors.js';

const name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes (used in job ids)');
const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name');

const common = {
  ratePerMinute: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(30)
    .describe('Deliveries per minute on this channel; extra alerts wait, none are dropped.'),
};

export const channelSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('log'), ...common }),
  z.strictObject({
    type: z.literal('webhook'),
    url: z.url().optional(),
    urlEnv: envName.optional(),
    /** HMAC-SHA256 of the body with this secret goes in X-Tinwatch-Signature. */
    secretEnv: envName.optional(),
    ...common,
  }),
  z.strictObject({ type: z.literal('slack'), urlEnv: envName, ...common }),
  z.strictObject({
    type: z.literal('telegram'),
    tokenEnv: envName,
    chatId: z.union([z.string().min(1), z.number().int()]),
    baseUrl: z.url().default('https://api.telegram.org'),
    ...common,
  }),
  z.strictObject({
    type: z.literal('email'),
    /** smtp://user:pass@host:port or smtps://… */
    smtpUrlEnv: envName,
    from: z.string().min(3),
    to: z.array(z.string().min(3)).min(1),
    ...common,
  }),
]);
export type ChannelConfig = z.output<typeof channelSchema>;

const digestSchema = z.union([
  z.strictObject({
    everyMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  }),
  z.strictObject({ dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (Asia/Ho_Chi_Minh)') }),
]);

const ruleFields = z.strictObject({
  name: name.describe("The rule's name: in alerts, feeds (/feeds/rule-NAME.atom) and job ids."),
  description: z.string().optional().describe('What the rule is for, shown in alerts and on the dashboard.'),
  query: z
    .string()
    .superRefine((q, ctx) => {
      try {
        parseQuery(q);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof QuerySyntaxError ? e.message : String(e) });
      }
    })
    .optional()
    .describe('Words, "phrases", @concept, AND, OR, NOT, ( ), NEAR/n. Try it: tinwatch alerts backtest --query \'…\''),
  concept: name
    .optional()
    .describe('A concept (config/concepts/NAME.yaml) instead of spellings; with a query, both must match.'),
  fields: z
    .array(z.enum(['title', 'lead', 'body']))
    .min(1)
    .default(['title', 'lead', 'body'])
    .describe('The parts of an article the query reads.'),
  diacriticFree: z
    .boolean()
    .default(false)
    .describe('Also match with tone marks removed (opt-in: "Mỹ" becomes "my", an ordinary word).'),
  channels: z.array(name).min(1).describe('Channel names (keys of channels) the alerts go to.'),
  profile: z
    .string()
    .optional()
    .describe('Fire only for stories this topic profile (config/topics/NAME.json) judged on or borderline.'),
  digest: digestSchema.optional().describe('Absent: one alert per story at once. Otherwise one message per period.'),
  ...ruleAlertOptions,
});

/** The query a rule runs: its query, its concept, or both ANDed. */
function effectiveQuery(r: { query?: string | undefined; concept?: string | undefined }): string {
  if (r.concept && r.query) return `@${r.concept} AND (${r.query})`;
  return r.concept ? `@${r.concept}` : (r.query ?? '');
}

export const ruleSchema = ruleFields
  .superRefine((r, ctx) => {
    if (r.query === undefined && r.concept === undefined)
      ctx.addIssue({ code: 'custom', path: ['query'], message: 'a rule needs a query or a concept' });
    let named: string[] = [];
    try {
      named = conceptsOf(parseQuery(effectiveQuery(r)));
    } catch {
      return; // the query's own check says why
    }
    const concepts = loadConcepts(); // a bad concept file throws its ConfigError (file:line) here
    for (const c of named)
      if (!concepts.has(c))
        ctx.addIssue({
          code: 'custom',
          path: [r.concept === c ? 'concept' : 'query'],
          message: `no concept "${c}" in config/concepts (have: ${[...concepts.keys()].join(', ') || 'none'})`,
        });
    if (r.digest && r.perThread)
      ctx.addIssue({ code: 'custom', path: ['perThread'], message: 'a digest already groups stories: drop perThread' });
    if (r.spike && (r.digest || r.perThread))
      ctx.addIssue({
        code: 'custom',
        path: ['spike'],
        message: 'a spike rule alerts per spike: drop digest and perThread (or make a second rule)',
      });
  })
  .transform((r) => {
    const query = effectiveQuery(r);
    const all = loadConcepts();
    const concepts: Record<string, Concept> = {};
    for (const c of conceptsOf(parseQuery(query))) concepts[c] = all.get(c)!;
    return { ...r, query, concepts };
  });

export type RuleConfig = z.output<typeof ruleSchema>;

export const watchlistSchema = z
  .strictObject({
    /** JSON files may name their schema, as editors expect. */
    $schema: z.string().optional(),
    channels: z.record(name, channelSchema).describe('Where alerts go, by name; secrets come from settings.'),
    rules: z.array(ruleSchema).describe('Keyword rules; each story fires a rule once per channel.'),
  })
  .superRefine((w, ctx) => {
    const seen = new Set<string>();
    const topics = loadTopicProfiles();
    w.rules.forEach((r, i) => {
      if (r.profile !== undefined && !topics.get(r.profile)?.enabled)
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'profile'],
          message: `no enabled topic profile "${r.profile}" in config/topics (have: ${[...topics.values()]
            .filter((t) => t.enabled)
            .map((t) => t.name)
            .join(', ')})`,
        });
      if (seen.has(r.name))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'name'], message: `rule "${r.name}" is defined twice` });
      seen.add(r.name);
      r.channels.forEach((c, j) => {
        if (!(c in w.channels)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i, 'channels', j],
            message: `rule "${r.name}": unknown channel "${c}"`,
          });
        }
      });
    });
    for (const [cname, c] of Object.entries(w.channels)) {
      if (c.type === 'webhook' && !c.url === !c.urlEnv) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels', cname],
          message: `channel "${cname}": give exactly one of url and urlEnv`,
        });
      }
    }
  });

export type WatchlistInput = z.input<typeof watchlistSchema>;
export type Watchlist = z.output<typeof watchlistSchema>;

/** The JSON Schema of a watchlist file (editor completion; schemas/watchlist.schema.json). */
export function watchlistJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(watchlistSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/tinwatch/tinwatch/schemas/watchlist.schema.json',
    title: 'tinwatch watchlist: alert channels and keyword rules',
  };
}

/**
 * A query typed at the command line or the dashboard, as a rule that goes nowhere (backtests,
 * searches). A syntax error is a ConfigError naming the query's column.
 */
export function draftRule(query: string, opts: { fields?: string[]; diacriticFree?: boolean } = {}): RuleConfig {
  const res = ruleSchema.safeParse({
    name: 'draft',
    query,
    channels: ['none'],
    ...(opts.fields ? { fields: opts.fields } : {}),
    ...(opts.diacriticFree !== undefined ? { diacriticFree: opts.diacriticFree } : {}),
  });
  if (res.success) return res.data;
  const issue = res.error.issues[0]!;
  throw new ConfigError(`${issue.path.join('.') || 'query'}: ${issue.message}`);
}
