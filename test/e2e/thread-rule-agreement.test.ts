// One thread rule (src/thread/thread-rule.ts): the roots the alert path caches in Redis as each
// story and copy is claimed are the roots the manifest's thread index (the thread page, the
// briefing) gives, over a series of related stories: chains, a copy, a link to a copy, a
// same-series link that joins nothing, an unrelated story. `tinwatch recover` rebuilds the cache
// from the folder to the same roots, and the alert path goes on from there in agreement.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeCopyInThread, placeInThread } from '../../pipeline/article/story-alerts.js';
import { runRecover } from '../../app/cli/recover-command.js';
import type { RelationKind } from '../../src/dedupe/same-story.js';
import { loadThreadIndex } from '../../src/thread/index.js';
import { testRuntime } from '../helpers/test-runtime.js';

const id = (n: number): string => n.toString(16).padStart(16, '0');
const at = (minute: number): string => new Date(Date.UTC(2026, 7, 20, 1, minute)).toISOString();

type Step =
  { n: number; kind: 'story'; link?: { to: number; kind: RelationKind } } | { n: number; kind: 'copy'; of: number };

const SERIES: Step[] = [
  { n: 1, kind: 'story' },
  { n: 2, kind: 'story', link: { to: 1, kind: 'follow-up' } },
  { n: 3, kind: 'story', link: { to: 2, kind: 'follow-up' } },
  { n: 10, kind: 'copy', of: 3 },
  { n: 4, kind: 'story', link: { to: 1, kind: 'same-series' } },
  { n: 5, kind: 'story', link: { to: 4, kind: 'same-event' } },
  { n: 11, kind: 'copy', of: 5 },
  { n: 6, kind: 'story', link: { to: 10, kind: 'follow-up' } },
  { n: 7, kind: 'story' },
];

describe('the alert path and the thread model share one thread rule', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  let minute = 0;
  const deps = () => ({ redis: rt.redis, keys: rt.keys });

  /** The alert path's root decision for one step, then the manifest line the job would end with. */
  const claim = async (s: Step): Promise<string> => {
    minute += 1;
    const line =
      s.kind === 'copy'
        ? {
            schema_version: 3,
            type: 'duplicate',
            id: id(s.n),
            url: `https://copy.vn/${s.n}`,
            outlet: 'copy',
            published_at: null,
            fetched_at: at(minute),
            duplicate_of: { id: id(s.of), url: `https://a.vn/${s.of}`, outlet: 'a', written_at: null },
            match: { kind: 'near', similarity: 0.8, containment: 0.9 },
          }
        : {
            schema_version: 3,
            type: 'article',
            id: id(s.n),
            seq: s.n,
            url: `https://a.vn/${s.n}`,
            outlet: 'a',
            source_id: 'a',
            title: `story ${s.n}`,
            published_at: at(minute),
            fetched_at: at(minute),
            written_at: at(minute),
            duplicate_of: null,
            ...(s.link ? { related: [{ id: id(s.link.to), kind: s.link.kind, similarity: 0.5 }] } : {}),
          };
    const root =
      s.kind === 'copy'
        ? await placeCopyInThread(deps(), id(s.n), id(s.of))
        : (
            await placeInThread(
              deps(),
              id(s.n),
              s.link
                ? {
                    kind: s.link.kind,
                    story: { storyId: id(s.link.to), outlet: 'a', url: '', writtenAt: null },
                    jaccard: 0.5,
                    containment: 0.5,
                  }
                : null,
            )
          ).root;
    appendFileSync(path.join(rt.outDir, 'manifest.jsonl'), `${JSON.stringify(line)}\n`);
    return root;
  };

  /** Every id's cached root beside its root in the manifest's thread index. */
  const both = async (ids: number[]) => {
    const index = await loadThreadIndex(rt.outDir);
    const cached = await rt.redis.hmget(rt.keys.threadRoot, ...ids.map(id));
    return {
      cache: Object.fromEntries(ids.map((n, i) => [n, cached[i]])),
      index: Object.fromEntries(ids.map((n) => [n, index.rootOf(id(n))])),
    };
  };

  beforeAll(async () => {
    rt = await testRuntime();
  });
  afterAll(async () => {
    await rt?.cleanup();
  });

  it('agrees story by story, and after recover rebuilds the cache from the folder', async () => {
    const claimed: number[] = [];
    for (const s of SERIES) {
      const root = await claim(s);
      claimed.push(s.n);
      // The root the job decided is the index's, the moment its line is written.
      expect(root, `story ${s.n}`).toBe((await loadThreadIndex(rt.outDir)).rootOf(id(s.n)));
    }
    const before = await both(claimed);
    expect(before.cache).toEqual(before.index);
    // The threads the rule makes: a chain through a copy, a series that is not a thread, a loner.
    expect(before.index).toEqual({
      1: id(1),
      2: id(1),
      3: id(1),
      10: id(1),
      6: id(1),
      4: id(4),
      5: id(4),
      11: id(4),
      7: id(7),
    });

    // Redis loses the cache; `tinwatch recover` rebuilds it from the folder alone.
    await rt.redis.del(rt.keys.threadRoot);
    expect(await runRecover(rt, true)).toContain(`${SERIES.length} thread link(s)`);
    const after = await both(claimed);
    expect(after.cache).toEqual(before.index);

    // The alert path goes on from the rebuilt cache, still in agreement.
    const more: Step[] = [
      { n: 8, kind: 'story', link: { to: 11, kind: 'follow-up' } },
      { n: 9, kind: 'story', link: { to: 6, kind: 'same-event' } },
    ];
    for (const s of more) await claim(s);
    const last = await both([...claimed, 8, 9]);
    expect(last.cache).toEqual(last.index);
    expect([last.index[8], last.index[9]]).toEqual([id(4), id(1)]);
  });
});
