// The one way every field is read: the first candidate with a value wins, and the log says which.
import { describe, expect, it } from 'vitest';
import { byFallback, byRule, bySelector, FieldLog, firstCandidate } from '../../src/extract/first-candidate.js';

describe('first candidate wins', () => {
  it('skips candidates without a value, in order, and never calls those after the winner', () => {
    let later = 0;
    const pick = firstCandidate<string>(
      bySelector(null),
      byFallback('metadata', () => ''),
      byFallback('h1', () => 'Tiêu đề'),
      byFallback('title', () => {
        later++;
        return 'other';
      }),
    );
    expect(pick).toEqual({ value: 'Tiêu đề', via: 'fallback:h1', fallback: true });
    expect(later).toBe(0);
    expect(
      firstCandidate(
        bySelector(null),
        byFallback('x', () => null),
      ),
    ).toBeNull();
  });

  it('records the selector, the fallback or the rule that produced each field', () => {
    const log = new FieldLog();
    expect(log.take('title', firstCandidate(bySelector({ value: 'T', selector: 'h1.title' })))).toBe('T');
    expect(
      log.take(
        'date',
        firstCandidate(
          bySelector(null),
          byFallback('metadata', () => '2026-01-01'),
        ),
      ),
    ).toBe('2026-01-01');
    expect(log.take('credit', firstCandidate(byRule('pattern', () => 'Theo TTXVN')))).toBe('Theo TTXVN');
    expect(log.take('author', null)).toBeNull();
    expect(log.matched).toMatchObject({
      title: 'h1.title',
      date: 'fallback:metadata',
      credit: 'pattern',
      author: null,
    });
    expect(log.fallbacks).toEqual(['date']);
  });
});
