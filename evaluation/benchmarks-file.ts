// BENCHMARKS.md holds one current section per benchmark; `--write` on a benchmark replaces that
// benchmark's section instead of appending, so a reader finds today's figures at once and the
// history stays in git.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'BENCHMARKS.md');

/** The benchmark a "## " heading names: the words before its date (" — ") or its note (" ("). */
export function benchmarkKey(heading: string): string {
  return heading
    .replace(/^##\s+/, '')
    .split(' — ')[0]!
    .split(' (')[0]!
    .trim()
    .toLowerCase();
}

/** `file` with `report` (starting with its "## " heading) in place of the section of the same benchmark. */
export function replaceBenchmarkSection(file: string, report: string): string {
  const heading = report.split('\n').find((line) => line.startsWith('## '));
  if (!heading) throw new Error('a benchmark report must start with a "## " heading');
  const key = benchmarkKey(heading);
  const lines = file.split('\n');
  const start = lines.findIndex((line) => line.startsWith('## ') && benchmarkKey(line) === key);
  const section = report.trim().split('\n');
  if (start < 0) return `${file.trimEnd()}\n\n${section.join('\n')}\n`;
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const after = next < 0 ? [] : ['', ...lines.slice(next)];
  return [...lines.slice(0, start), ...section, ...after].join('\n').trimEnd() + '\n';
}

/** Writes `report` into BENCHMARKS.md as its benchmark's current section. */
export function writeBenchmarkSection(report: string, file = BENCHMARKS_FILE): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# tinwatch benchmarks\n';
  writeFileSync(file, replaceBenchmarkSection(current, report));
}
