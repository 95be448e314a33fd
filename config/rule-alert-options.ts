// How a watch rule turns matches into alerts, beyond one alert per story (the default) and the
// digest: once per story thread with a later update, or once per spike of its matches.
import { z } from 'zod';

const perThread = z
  .union([
    z.literal(true),
    z.strictObject({
      updateAfterMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(60)
        .describe('How long later stories of the thread gather before one update says what they added.'),
    }),
  ])
  .transform((v) => (v === true ? { updateAfterMinutes: 60 } : v));

const spike = z.strictObject({
  hours: z.number().int().min(1).max(72).default(6).describe('The window: matches published over the last N hours.'),
  factor: z
    .number()
    .min(1)
    .max(1000)
    .default(3)
    .describe('Fire when the window holds more than k times what the trailing 7 days average per N hours.'),
  minMatches: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(3)
    .describe('And at least this many matches: a quiet rule going from 0 to 1 is no spike.'),
});
export type SpikeOptions = z.output<typeof spike>;

export const ruleAlertOptions = {
  perThread: perThread
    .optional()
    .describe(
      'One alert per story thread (a report, its copies and follow-ups); later stories gather into one "N more outlets / follow-up" update.',
    ),
  spike: spike
    .optional()
    .describe(
      "Alert on spikes of this rule's matches, once per spike, naming the threads behind it (no per-story alerts).",
    ),
};
