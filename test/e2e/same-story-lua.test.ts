// The claim script's Lua statement of the same-story rule against the TypeScript one, on Redis,
// on generated cases: same verdict, same Jaccard and containment, so they cannot drift apart.
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEDUPE } from '../../config/dedupe.js';
import { fingerprint } from '../../src/dedupe/fingerprint.js';
import { judgeSimilarity, relateStories, ruleArgs, SAME_STORY_LUA } from '../../src/dedupe/same-story.js';
import { restatedLeadShare } from '../../src/dedupe/restated-lead.js';
import { longContainment, sharesPhrasesOnly, storedSample } from '../../src/dedupe/long-shingles.js';

// relate() on one case: ARGV = rule (13), then same, j, c, short, small, my lead, their lead,
// their Bloom, my Bloom, lead share.
const RUN_RELATE = `${SAME_STORY_LUA}
local r = {minJ = tonumber(ARGV[1]), minC = tonumber(ARGV[2]), minCSize = tonumber(ARGV[3]),
  shortMax = tonumber(ARGV[4]), minNum = tonumber(ARGV[5]), minNames = tonumber(ARGV[6]),
  relJ = tonumber(ARGV[7]), relC = tonumber(ARGV[8]), copyC = tonumber(ARGV[9]), minKnown = tonumber(ARGV[10]),
  minLead = tonumber(ARGV[11])}
local out = {}
for i = 14, #ARGV, 10 do
  out[#out + 1] = relate(tonumber(ARGV[i]), tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3]),
    tonumber(ARGV[i + 4]), ARGV[i + 5], ARGV[i + 6], ARGV[i + 7], 1, ARGV[i + 8], tonumber(ARGV[i + 9]), r)
end
return out
`;

// restated_lead() on one case: ARGV = lead positions agreeing, lead positions, sizes, Jaccard.
const RUN_LEAD_SHARE = `${SAME_STORY_LUA}
local out = {}
for i = 1, #ARGV, 5 do
  out[#out + 1] = string.format('%.17g', restated_lead(tonumber(ARGV[i]), tonumber(ARGV[i + 1]),
    tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3]), tonumber(ARGV[i + 4])))
end
return out
`;

// Leads and bodies of a templated piece: dates, figures and names drawn from small pools, so
// pairs share some facts and lack others.
const word = fc.constantFrom('giá', 'vàng', 'tăng', 'Hàn', 'Quốc', 'Kim', 'Tae-hoon', 'Whitmore', 'ngày', 'mức');
const figure = fc.constantFrom('2/7', '27/6', '28.500', '1953', '700', '12', '3');
const sentence = fc.array(fc.oneof(word, figure), { minLength: 3, maxLength: 12 }).map((w) => `${w.join(' ')}.`);
// A title or lead without figures: a lead that adds only names (the restated-lead branch).
const wordsOnly = fc.array(word, { minLength: 3, maxLength: 12 }).map((w) => `${w.join(' ')}.`);
const line = fc.oneof(sentence, wordsOnly);
const piece = fc.record({ title: line, lead: line, body: fc.array(sentence, { minLength: 1, maxLength: 4 }) });

const RUN_CASES = `${SAME_STORY_LUA}
local out = {}
local r = {tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])}
for i = 14, #ARGV, 6 do
  local same, j, c = same_story(tonumber(ARGV[i]), tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2]),
    tonumber(ARGV[i + 3]), ARGV[i + 4], ARGV[i + 5], r[1], r[2], r[3], r[4])
  out[#out + 1] = same
  out[#out + 1] = string.format('%.17g', j)
  out[#out + 1] = string.format('%.17g', c)
end
return out
`;

// long_containment and phrases_only on one case: ARGV = rule (12), then the sent sample, the
// stored one (read from offset 3 of a string with two bytes before it, as from a record), Jaccard;
// last, the sent sample's k.
const RUN_LONG = `${SAME_STORY_LUA}
local r = {longMaxJ = tonumber(ARGV[12]), minLongC = tonumber(ARGV[13])}
local out = {}
for i = 14, #ARGV - 1, 3 do
  local stored = 'xx' .. ARGV[i + 1]
  local lc = long_containment(ARGV[i], tonumber(ARGV[#ARGV]), stored, 3, #ARGV[i + 1] / 2, KEPT, MIN_SAMPLE)
  out[#out + 1] = string.format('%.17g', lc)
  out[#out + 1] = phrases_only(tonumber(ARGV[i + 2]), lc, r) and 1 or 0
end
return out
`;

/** `n` distinct ascending 16-bit values drawn from a shared pool, so two samples overlap. */
const values = (max: number) =>
  fc
    .uniqueArray(
      fc.integer({ min: 0, max: 600 }).map((x) => x * 97),
      { maxLength: max },
    )
    .map((xs) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const b = Buffer.alloc(sorted.length * 2);
      sorted.forEach((x, i) => b.writeUInt16BE(x, i * 2));
      return b;
    });

const chunk = fc.constantFrom('0001', '00a3', '1f00', 'beef', 'ffff', '7777');
const numbers = fc.uniqueArray(chunk, { maxLength: 5 }).map((xs) => xs.join(''));
const size = fc.oneof(
  fc.integer({ min: 0, max: 400 }),
  fc.constantFrom(
    0,
    1,
    DEDUPE.minShinglesForContainment - 1,
    DEDUPE.minShinglesForContainment,
    DEDUPE.shortTextShingles - 1,
    DEDUPE.shortTextShingles,
  ),
);
const cases = fc.record({
  eq: fc.integer({ min: 0, max: DEDUPE.hashes }),
  a: size,
  b: size,
  na: numbers,
  nb: numbers,
});

describe('the same-story rule in Lua and in TypeScript', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(() => redis.disconnect());

  it('agree on every generated case (verdict, Jaccard, containment)', async () => {
    const sample = fc.sample(cases, { numRuns: 5_000, seed: 20261127 });
    const args = sample.flatMap((c) => [c.eq, DEDUPE.hashes, c.a, c.b, c.na, c.nb]);
    const res = (await redis.eval(RUN_CASES, 0, ...ruleArgs(), ...args)) as (number | string)[];
    let merged = 0;
    let floor = 0;
    sample.forEach((c, i) => {
      const ts = judgeSimilarity(c.eq, DEDUPE.hashes, c.a, c.b, c.na, c.nb);
      const [same, j, cont] = [res[i * 3], Number(res[i * 3 + 1]), Number(res[i * 3 + 2])];
      expect({ case: c, same: same === 1 }).toEqual({ case: c, same: ts.same });
      expect(j).toBe(ts.jaccard);
      expect(cont).toBe(ts.containment);
      if (ts.same) merged++;
      if (ts.basis === 'short texts, numbers differ') floor++;
    });
    // The generator reaches every branch: merges, refusals and the short-text floor.
    expect(merged).toBeGreaterThan(500);
    expect(sample.length - merged).toBeGreaterThan(500);
    expect(floor).toBeGreaterThan(20);
  });

  it('relate the same way: merge, follow-up, same series, same event or none', async () => {
    const sample = fc.sample(
      fc.record({
        a: piece,
        b: piece,
        eq: fc.integer({ min: 0, max: DEDUPE.hashes }),
        leadShare: fc.constantFrom(0, 0.2, DEDUPE.copyMinLeadRestated, 0.7, 1),
      }),
      { numRuns: 2_000, seed: 20261207 },
    );
    let expanded = 0;
    let restated = 0;
    const cases = sample.map(({ a, b, eq, leadShare }) => {
      const fa = fingerprint(a.lead, a.body, undefined, a.title);
      const fb = fingerprint(b.lead, b.body, undefined, b.title);
      const sizes = [120 + (eq % 50), 150];
      const sim = judgeSimilarity(eq, DEDUPE.hashes, sizes[0]!, sizes[1]!);
      const short = sim.basis === 'short texts, numbers differ' ? 1 : 0;
      const ts = relateStories(sim, Math.min(sizes[0]!, sizes[1]!), fa.facts, fb.facts, leadShare);
      if (ts.basis === 'expanded copy') expanded++;
      if (ts.basis === 'restated lead') restated++;
      return {
        ts: ts.same ? 'same' : (ts.related ?? 'none'),
        args: [
          sim.same ? 1 : 0,
          sim.jaccard,
          sim.containment,
          short,
          Math.min(sizes[0]!, sizes[1]!),
          fa.facts.lead,
          fb.facts.lead,
          fb.facts.known,
          fa.facts.known,
          leadShare,
        ],
      };
    });
    const res = (await redis.eval(RUN_RELATE, 0, ...ruleArgs(), ...cases.flatMap((c) => c.args))) as string[];
    expect(res).toEqual(cases.map((c) => c.ts));
    // Every outcome is reached.
    for (const kind of ['same', 'follow-up', 'same-series', 'same-event', 'none']) expect(res).toContain(kind);
    // …including a text with new facts merged as an expanded copy, or as a restated lead.
    expect(expanded).toBeGreaterThan(10);
    expect(restated).toBeGreaterThan(3);
  });

  it('estimate the share of a lead inside the other text alike', async () => {
    const sample = fc.sample(
      fc
        .record({
          at: fc.integer({ min: 0, max: DEDUPE.hashes }),
          equal: fc.integer({ min: 0, max: DEDUPE.hashes }),
          mine: size,
          theirs: size,
          j: fc.double({ min: 0, max: 1, noNaN: true }),
        })
        .map((c) => ({ ...c, equal: Math.min(c.equal, c.at) })),
      { numRuns: 2_000, seed: 20261208 },
    );
    const res = (await redis.eval(
      RUN_LEAD_SHARE,
      0,
      ...sample.flatMap((c) => [c.equal, c.at, c.mine, c.theirs, c.j]),
    )) as string[];
    expect(res.map(Number)).toEqual(sample.map((c) => restatedLeadShare(c.equal, c.at, c.mine, c.theirs, c.j)));
  });

  it('estimate long-shingle containment and veto the same way', async () => {
    const SENT = 40;
    const KEPT = 16;
    const MIN_SAMPLE = 4;
    const sample = fc.sample(
      fc.record({ a: values(SENT), b: values(SENT), j: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { numRuns: 3_000, seed: 20261207 },
    );
    const script = `local KEPT = ${KEPT}\nlocal MIN_SAMPLE = ${MIN_SAMPLE}\n${RUN_LONG}`;
    const args = sample.flatMap((c) => [c.a, storedSample(c.b, KEPT), c.j]);
    const res = (await redis.eval(script, 0, ...ruleArgs(), ...args, SENT)) as (number | string)[];
    let vetoed = 0;
    let unknown = 0;
    sample.forEach((c, i) => {
      const lc = longContainment(c.a, SENT, storedSample(c.b, KEPT), KEPT, MIN_SAMPLE);
      expect(Number(res[i * 2])).toBe(lc);
      const veto = sharesPhrasesOnly(c.j, lc);
      expect(res[i * 2 + 1] === 1).toBe(veto);
      if (veto) vetoed++;
      if (lc < 0) unknown++;
    });
    // Both outcomes and the "too few values" case are reached.
    expect(vetoed).toBeGreaterThan(50);
    expect(sample.length - vetoed - unknown).toBeGreaterThan(50);
    expect(unknown).toBeGreaterThan(20);
  });
});
