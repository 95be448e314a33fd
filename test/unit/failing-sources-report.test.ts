// The terminal's report of failing sources: one line per cause once every source had its first
// try, a source said again only when its cause changes, and once when it works again.
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { FailingSourcesReport } from '../../workers/failing-sources-report.js';

function logger() {
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
  return { log, lines };
}

const failure = (cause: string) => ({
  cause,
  via: 'HTML fetch',
  reason: `boom ${cause}`,
  since: '2026-01-01T00:00:00Z',
});
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('failing sources report', () => {
  it('waits for every source, then says one line for a shared cause', async () => {
    const { log, lines } = logger();
    const r = new FailingSourcesReport(log, ['a', 'b', 'c'], { windowMs: 5, firstRoundMs: 60_000 });
    r.failed('a', failure('dns'));
    r.failed('b', failure('dns'));
    await tick();
    expect(lines).toEqual([]); // c not tried yet
    r.failed('c', failure('dns'));
    await tick();
    expect(lines.map((l) => l.msg)).toEqual(['3 of 3 sources: DNS lookup fails — is the network down?']);
    r.failed('a', failure('dns'));
    await tick();
    expect(lines).toHaveLength(1); // the same cause again: nothing new to say
  });

  it('names a lone failure with its words, a changed cause, and a recovery', async () => {
    const { log, lines } = logger();
    const r = new FailingSourcesReport(log, ['a', 'b', 'c'], { windowMs: 5, firstRoundMs: 60_000 });
    r.succeeded('b');
    r.succeeded('c');
    r.failed('a', { ...failure('refused'), retryAt: '2026-01-01T00:01:00Z' });
    await tick();
    expect(lines.map((l) => l.msg)).toEqual([
      'a failing: connection refused (HTML fetch: boom refused); tried again 2026-01-01T00:01:00Z',
    ]);
    r.failed('a', failure('HTTP 503'));
    r.failed('b', failure('HTTP 503'));
    await tick();
    expect(lines.at(-1)!.msg).toBe('2 of 3 sources: HTTP 503 (a, b)');
    r.succeeded('a');
    expect(lines.at(-1)!.msg).toBe('a works again');
  });

  it('says what it has after the first round, even if a source never reported', async () => {
    const { log, lines } = logger();
    const r = new FailingSourcesReport(log, ['a', 'b'], { windowMs: 5, firstRoundMs: 30 });
    r.failed('a', failure('timeout'));
    await new Promise((res) => setTimeout(res, 80));
    expect(lines.map((l) => l.msg)).toEqual(['a failing: requests time out (HTML fetch: boom timeout)']);
  });

  it('counts sources Redis records as failing for the same cause (polls not due since a restart)', async () => {
    const { log, lines } = logger();
    const elsewhere = async () =>
      new Map([
        ['c', 'dns'],
        ['d', 'refused'],
      ]);
    const r = new FailingSourcesReport(log, ['a', 'b', 'c', 'd'], { windowMs: 5, firstRoundMs: 30 }, elsewhere);
    r.failed('a', failure('dns'));
    r.failed('b', failure('dns'));
    await new Promise((res) => setTimeout(res, 80));
    expect(lines.map((l) => l.msg)).toEqual(['3 of 4 sources: DNS lookup fails (a, b; 1 more already failing)']);
  });
});
