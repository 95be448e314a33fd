// A topic profile: what a story must be about to be written. One JSON file per topic under
// config/topics/; the classifier (src/relevance/rule-relevance.ts) reads only this shape, so
// a second topic (say Korea–Japan security) is a new file, not new code.
import { z } from 'zod';

const phrases = z.array(z.string().min(1)).min(1);
const weighted = z.record(z.string().min(1), z.number().positive().max(10));

export const topicProfileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    description: z.string().min(1),
    /** A disabled profile is checked at start-up but classifies nothing. */
    enabled: z.boolean().default(true),
    /** The two actors whose relationship is the topic; both must be keys of `actors`. */
    pair: z.tuple([z.string(), z.string()]),
    /** Actor → the phrases that name it. A phrase listed under two actors names both ("Hàn-Mỹ"). */
    actors: z.record(z.string().regex(/^[a-z0-9-]+$/), phrases),
    /** Actors that are neither of the pair: naming one beside the pair makes a sentence multilateral. */
    third: z.array(z.string()),
    /** Actors whose presence beside the pair makes a sentence a security one (North Korea). */
    context: z.array(z.string()),
    /** Phrases that state the relationship itself (USFK, Ulchi Freedom Shield, NCG, SMA): weight 1–3. */
    relation: weighted,
    /** The acts of the topic's domain (tập trận, quân sự, …): weight 1 (weak) to 3 (strong). */
    acts: weighted,
    /** Named subjects that compete with the topic: class → phrases; the class names the reason. */
    offTopic: z.record(z.string().regex(/^[a-z0-9-]+$/), phrases),
    /**
     * How a sentence frames what it names, read by the learned model only (the rules ignore it):
     * class → phrases. A North Korean accusation or US–North Korea diplomacy names both allies as
     * an alliance story does; the framing words say which the story is.
     */
    framing: z.record(z.string().regex(/^[a-z0-9-]+$/), phrases).optional(),
    /** Phrases matched first that hide the words inside them (mỹ phẩm is not Mỹ). */
    blockers: z.array(z.string().min(1)),
    positions: z.object({
      title: z.number().positive(),
      lead: z.number().positive(),
      early: z.number().positive(),
      body: z.number().positive(),
      /** How many sentences of the body, after the lead, count as early. */
      earlySentences: z.number().int().nonnegative(),
    }),
    /** Weighted relation score at or above which a story is on topic. */
    threshold: z.number().positive(),
    /** A title or lead sentence at least this strong makes the relationship the story's subject. */
    leadThreshold: z.number().positive(),
    /** Otherwise the relationship's sentences must hold at least this share of the story's weight. */
    minShare: z.number().min(0).max(1),
    /** Stories scoring within this distance below the threshold are written and flagged borderline. */
    borderline: z.number().nonnegative(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const known = new Set(Object.keys(p.actors));
    const check = (names: readonly string[], field: string): void => {
      names.forEach((n, i) => {
        if (!known.has(n)) ctx.addIssue({ code: 'custom', path: [field, i], message: `"${n}" is not an actor` });
      });
    };
    check(p.pair, 'pair');
    check(p.third, 'third');
    check(p.context, 'context');
  });

export type TopicProfile = z.infer<typeof topicProfileSchema>;
