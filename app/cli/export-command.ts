// The CLI side of `tinwatch export`: options checked (one line and exit 2 for a wrong one), the
// entries printed, then with --follow new lines as they land until SIGINT/SIGTERM. The cursor
// for the next pull goes to stderr, so stdout stays pure data.
import { watch } from 'node:fs';
import { manifestPath } from '../../src/write/article-files.js';
import { checkOutDir, OutFolderError } from '../../src/write/folder-identity.js';
import { ManifestExport, parseCursor } from '../../src/export/export-manifest.js';

export interface ExportCommandOptions {
  since?: string;
  format?: string;
  withText?: boolean;
  follow?: boolean;
}

interface Output {
  write(text: string): unknown;
}

/** How long a follower waits between looks when no file-change event comes (network file systems send none). */
const FOLLOW_POLL_MS = 1_000;

export async function runExport(
  outDir: string,
  opts: ExportCommandOptions,
  io: { stdout: Output; stderr: Output; stop?: AbortSignal },
): Promise<number> {
  try {
    checkOutDir(outDir, 'read');
  } catch (err) {
    if (!(err instanceof OutFolderError)) throw err;
    io.stderr.write(`tinwatch export: ${err.message}\n`);
    return 2;
  }
  const since = parseCursor(opts.since);
  if ('error' in since) {
    io.stderr.write(`tinwatch export: ${since.error}\n`);
    return 2;
  }
  const format = opts.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'csv') {
    io.stderr.write(`tinwatch export: --format ${JSON.stringify(format)}: use jsonl or csv\n`);
    return 2;
  }
  const exporter = new ManifestExport(
    outDir,
    { since, format, withText: opts.withText === true },
    io.stdout,
    io.stderr,
  );
  exporter.header();
  await exporter.drain();
  if (since.kind === 'seq' && !exporter.cursorFound) {
    io.stderr.write(`tinwatch export: no article line with seq ${since.seq} in ${manifestPath(outDir)}\n`);
    return 1;
  }
  if (opts.follow) await follow(exporter, outDir, io.stop);
  const next = exporter.nextCursor;
  io.stderr.write(
    `tinwatch export: ${exporter.printed} entr${exporter.printed === 1 ? 'y' : 'ies'}` +
      `${next !== null ? `; next pull: tinwatch export --since ${next}` : ''}\n`,
  );
  return 0;
}

/** Prints new lines as they land: on each change event, and at least once a second. */
async function follow(exporter: ManifestExport, outDir: string, stop?: AbortSignal): Promise<void> {
  const signal = stop ?? stopSignal();
  // One listener for the whole follow: a change event or the stop ends the current wait early.
  let wake: (() => void) | null = null;
  const wakeUp = (): void => wake?.();
  signal.addEventListener('abort', wakeUp, { once: true });
  let watcher: ReturnType<typeof watch> | null = null;
  try {
    watcher = watch(outDir, wakeUp);
  } catch {
    // No change events here: the poll alone.
  }
  try {
    while (!signal.aborted) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FOLLOW_POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
      await exporter.drain();
    }
  } finally {
    watcher?.close();
    signal.removeEventListener('abort', wakeUp);
  }
}

function stopSignal(): AbortSignal {
  const ctl = new AbortController();
  const stop = (): void => ctl.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return ctl.signal;
}
