// What an alert job carries about its stories, declared once: the alert item of a story (the type
// alert-content.ts renders) and the facts of a spike. base/queues.ts builds the alert job on them.
import { z } from 'zod';

/** What one alert says about one story: declared here once, the type of alert-content.ts too. */
export const alertItemSchema = z.object({
  rule: z.string(),
  ruleDescription: z.string().nullable(),
  story: z.object({
    storyId: z.string(),
    title: z.string(),
    outlet: z.string(),
    url: z.string(),
    publishedAt: z.string().nullable(),
    file: z.string().nullable(),
  }),
  match: z.object({
    field: z.enum(['title', 'lead', 'body']),
    sentence: z.string(),
    ranges: z.array(z.tuple([z.number(), z.number()])),
    phrases: z.array(z.string()),
  }),
  otherOutlets: z.array(z.object({ outlet: z.string(), url: z.string() })),
  updateOf: z.object({ storyId: z.string(), title: z.string(), url: z.string() }).nullable().optional(),
  /** The story's thread (its root story id), set for a rule that alerts once per thread. */
  threadId: z.string().nullable().optional(),
});

export type AlertItem = z.infer<typeof alertItemSchema>;

export const threadRefSchema = z.object({ id: z.string(), title: z.string(), url: z.string() });

/** One thread behind a spike: its root's title and link, and how much of the window it made. */
export const spikeThreadSchema = threadRefSchema.extend({
  matches: z.number().int(),
  outlets: z.array(z.string()),
});

export const spikeSchema = z.object({
  /** The spike's id: the rule's first match that tipped it over (a story id). */
  id: z.string(),
  hours: z.number(),
  factor: z.number(),
  /** Matches in the window when it fired, and the 7-day average per window before it. */
  count: z.number().int(),
  usual: z.number(),
  at: z.iso.datetime({ offset: true }),
  threads: z.array(spikeThreadSchema),
});
export type SpikeFacts = z.infer<typeof spikeSchema>;
