// The watchlist: alert channels and keyword rules. Checked with zod at start-up; an error names
// the rule (or channel) and the field. Secrets are never written here: channels name the
// environment variable that holds them.
import { z } from 'zod';
import { parseQuery, QuerySyntaxError } from './query-language.js';
import { loadTopicProfiles } from './load-topics.js';

const name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes (used in job ids)');
const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name');

const common = {
  /** Deliveries per minute on this channel; extra alerts wait, none are dropped. */
  ratePerMinute: z.number().int().min(1).max(10_000).default(30),
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

export const ruleSchema = z.strictObject({
  name,
  description: z.string().optional(),
  query: z.string().superRefine((q, ctx) => {
    try {
      parseQuery(q);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof QuerySyntaxError ? e.message : String(e) });
    }
  }),
  fields: z
    .array(z.enum(['title', 'lead', 'body']))
    .min(1)
    .default(['title', 'lead', 'body']),
  /** Also match with tone marks removed (opt-in: `Mỹ` → `my` collides with ordinary words). */
  diacriticFree: z.boolean().default(false),
  channels: z.array(name).min(1),
  /** Fire only for stories this topic profile (config/topics/NAME.json) judged on or borderline. */
  profile: z.string().optional(),
  /** Absent = instant; otherwise stories are grouped into one message per period. */
  digest: digestSchema.optional(),
});
export type RuleConfig = z.output<typeof ruleSchema>;

export const watchlistSchema = z
  .strictObject({
    channels: z.record(name, channelSchema),
    rules: z.array(ruleSchema),
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

export function defineWatchlist(w: WatchlistInput): WatchlistInput {
  return w;
}
