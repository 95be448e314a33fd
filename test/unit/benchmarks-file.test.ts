import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchmarkKey, replaceBenchmarkSection } from '../../evaluation/benchmarks-file.js';

const FILE = [
  '# tinwatch benchmarks',
  '',
  'intro',
  '',
  '## Alerts — 2026-11-22',
  '',
  'old alerts',
  '',
  '## Soak — 2026-11-23',
  '',
  'old soak',
  '',
].join('\n');

describe('BENCHMARKS.md keeps one current section per benchmark', () => {
  it('replaces the section of the same benchmark and leaves the others alone', () => {
    const out = replaceBenchmarkSection(FILE, '## Alerts — 2026-12-07\n\nnew alerts\n');
    expect(out).toContain('new alerts');
    expect(out).not.toContain('old alerts');
    expect(out).toContain('## Soak — 2026-11-23\n\nold soak');
    expect(out.match(/^## Alerts/gm)).toHaveLength(1);
  });

  it('replaces the last section up to the end of the file', () => {
    const out = replaceBenchmarkSection(FILE, '## Soak — 2026-12-07 (30 minutes)\n\nnew soak');
    expect(out.endsWith('new soak\n')).toBe(true);
    expect(out).not.toContain('old soak');
    expect(out).toContain('old alerts');
  });

  it('appends a benchmark it has no section for', () => {
    const out = replaceBenchmarkSection(FILE, '## Brief build — 2026-12-07\n\nfigures');
    expect(out.indexOf('## Brief build')).toBeGreaterThan(out.indexOf('## Soak'));
  });

  it('keys a heading on its name, whatever its date or note', () => {
    expect(benchmarkKey('## Feed latency — 2026-12-05')).toBe('feed latency');
    expect(benchmarkKey('## Relevance on real text — 2026-12-07 (issue 33)')).toBe('relevance on real text');
  });

  it('writing the same benchmark twice leaves one section, whatever the body', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 40 }).filter((s) => !s.includes('#')),
          { maxLength: 5 },
        ),
        (body) => {
          const report = ['## Alerts — 2026-12-07', '', ...body].join('\n');
          const once = replaceBenchmarkSection(FILE, report);
          const twice = replaceBenchmarkSection(once, report);
          expect(twice).toBe(once);
          expect(twice.match(/^## /gm)).toHaveLength(2);
        },
      ),
    );
  });
});
