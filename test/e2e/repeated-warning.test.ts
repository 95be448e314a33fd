// A selector whose generic fallback always succeeds is said once per source and day, and counted
// in /metrics on every article; a field the source names no selector for is not warned about.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFallbacks } from '../../workers/repeated-warning.js';
import { testRuntime } from '../helpers/test-runtime.js';
import { testSource } from '../helpers/test-source.js';

describe('a warning that repeats on every article', () => {
  const lines: { level: number; msg: string }[] = [];
  const log = pino(
    { level: 'debug' },
    new Writable({
      write(c: Buffer, _e, done) {
        for (const l of c.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l));
        done();
      },
    }),
  );
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    rt = await testRuntime();
  });
  afterAll(() => rt?.cleanup());

  it('is said once per source and day and counted every time', async () => {
    const withSection = testSource('breadcrumb.example.vn', {
      extract: { title: ['h1'], body: ['article'], section: ['.breadcrumb a'] },
    });
    const noSelectors = testSource('generic.example.vn', { extract: {} });
    for (let i = 0; i < 5; i++) {
      await reportFallbacks(rt, log, withSection, ['section'], { section: null });
      await reportFallbacks(rt, log, noSelectors, ['title', 'body', 'section'], {});
    }
    const warns = lines.filter((l) => l.level >= 40);
    expect(warns).toHaveLength(1);
    expect(warns[0]!.msg).toMatch(
      /^selectors missed: generic fallback used \(section\); said once today for breadcrumb/,
    );
    const counts = await rt.stats.counters();
    const n = (source: string) =>
      counts.find((c) => c.name === 'repeated_warnings' && c.labels[0] === source)?.value ?? 0;
    expect(n('breadcrumb')).toBe(5);
    expect(n('generic')).toBe(5);
  });
});
