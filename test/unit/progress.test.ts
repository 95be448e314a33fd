import { describe, expect, it } from 'vitest';
import { formatProgress, ttyProgress } from '../../app/cli/progress.js';
import type { SourceRunSummary } from '../../workers/run-once/crawl-once.js';

const src = (sourceId: string, o: Partial<SourceRunSummary>): SourceRunSummary => ({
  sourceId,
  discovered: 0,
  new: 0,
  written: 0,
  duplicate: 0,
  offTopic: 0,
  failed: 0,
  alerts: 0,
  alertsFailed: 0,
  fetchFailures: {},
  errors: [],
  offTopicTitles: [],
  ...o,
});

describe('progress', () => {
  it('shows per-source bars and counts', () => {
    const lines = formatProgress('articles', [
      src('vnexpress', { new: 4, written: 1, offTopic: 1 }),
      src('kbs', { new: 0 }),
    ]);
    expect(lines[0]).toBe('crawl --once: processing articles');
    expect(lines[1]).toBe('vnexpress ██████████░░░░░░░░░░    2/4    written 1  dup 0  off-topic 1  failed 0');
    expect(lines[2]).toContain('████████████████████    0/0');
  });

  it('redraws in place on a terminal and skips unchanged frames', () => {
    const out: string[] = [];
    const draw = ttyProgress({ write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream);
    draw('crawl', [src('a', {})]);
    draw('crawl', [src('a', {})]);
    draw('articles', [src('a', { new: 1, written: 1 })]);
    expect(out).toHaveLength(3);
    expect(out[1]).toBe('\x1b[2A\x1b[0J');
  });
});
