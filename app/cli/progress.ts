// Live per-source progress for long commands on a terminal (`crawl --once`, the demo). Only used
// when stderr is a TTY; otherwise the JSON logs are the record.
import type { RunPhase, SourceRunSummary } from '../../workers/run-once/crawl-once.js';

const WIDTH = 20;

export function formatProgress(phase: RunPhase, sources: readonly SourceRunSummary[]): string[] {
  const name = Math.max(6, ...sources.map((s) => s.sourceId.length));
  const lines = [
    `crawl --once: ${phase === 'crawl' ? 'discovering and fetching' : phase === 'articles' ? 'processing articles' : 'delivering alerts'}`,
  ];
  for (const s of sources) {
    const done = s.written + s.duplicate + s.offTopic + Math.min(s.failed, s.new);
    const total = Math.max(s.new, done);
    const filled = total === 0 ? (phase === 'crawl' ? 0 : WIDTH) : Math.round((done / total) * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    lines.push(
      `${s.sourceId.padEnd(name)} ${bar} ${String(done).padStart(4)}/${String(total).padEnd(4)} ` +
        `written ${s.written}  dup ${s.duplicate}  off-topic ${s.offTopic}  failed ${s.failed}`,
    );
  }
  return lines;
}

/** A redrawing renderer: each call replaces the previous block of lines. */
export function ttyProgress(
  stream: NodeJS.WriteStream,
): (phase: RunPhase, sources: readonly SourceRunSummary[]) => void {
  let drawn = 0;
  let last = '';
  return (phase, sources) => {
    const lines = formatProgress(phase, sources);
    const text = lines.join('\n');
    if (text === last) return;
    last = text;
    // Move up over the previous block and clear it, then draw the new one.
    if (drawn > 0) stream.write(`\x1b[${drawn}A\x1b[0J`);
    stream.write(`${text}\n`);
    drawn = lines.length;
  };
}
