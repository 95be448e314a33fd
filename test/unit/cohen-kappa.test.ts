// Cohen's κ (evaluation/cohen-kappa.ts), which reports how stable the relevance labelling is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../evaluation/cohen-kappa.js';

const labels = fc.array(fc.constantFrom('ON', 'OFF', 'BORDER'), { minLength: 1, maxLength: 60 });

describe('cohenKappa', () => {
  it('matches a worked example: 20 ON/ON, 5 ON/OFF, 10 OFF/ON, 15 OFF/OFF gives 0.4', () => {
    const a = [...Array(25).fill('ON'), ...Array(25).fill('OFF')] as string[];
    const b = [...Array(20).fill('ON'), ...Array(5).fill('OFF'), ...Array(10).fill('ON'), ...Array(15).fill('OFF')];
    const k = cohenKappa(a, b);
    expect(k.observed).toBeCloseTo(0.7, 10);
    expect(k.chance).toBeCloseTo(0.5, 10);
    expect(k.kappa).toBeCloseTo(0.4, 10);
  });

  it('is 1 for identical labellings and symmetric in its arguments', () => {
    fc.assert(
      fc.property(labels, (a) => {
        expect(cohenKappa(a, a).kappa).toBeCloseTo(1, 10);
      }),
    );
    fc.assert(
      fc.property(labels, labels, (a, b) => {
        const n = Math.min(a.length, b.length);
        const [x, y] = [a.slice(0, n), b.slice(0, n)];
        expect(cohenKappa(x, y).kappa).toBeCloseTo(cohenKappa(y, x).kappa, 10);
        expect(cohenKappa(x, y).kappa).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('is below zero when two labellers always disagree on a two-label set', () => {
    expect(cohenKappa(['ON', 'OFF', 'ON', 'OFF'], ['OFF', 'ON', 'OFF', 'ON']).kappa).toBeCloseTo(-1, 10);
  });
});
