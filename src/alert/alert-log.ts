// out/alerts.jsonl: one line per alert (or digest) delivered, appended right after the channel
// took it and before Redis's "sent" mark. Redis can lose the marks (a restart with no data);
// `tinwatch recover` sets them again from these lines, so nothing is sent twice. A line is one
// short O_APPEND write, so concurrent workers on one machine never interleave inside it.
import { appendFileSync, createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface AlertLogLine {
  /** The alert job's id: what the "sent" mark is keyed on. */
  key: string;
  channel: string;
  kind: 'instant' | 'digest' | 'thread-update' | 'spike';
  /** The stories the alert carried. */
  story_ids: string[];
  sent_at: string;
  /** The rule (absent on lines written before rules were logged). */
  rule?: string;
  /** A per-thread rule's alert or update: the thread it was about (recover sets the thread's mark). */
  thread?: { id: string; title: string; url: string };
  /** A spike alert: the spike's id (recover sets the rule's spike as fired). */
  spike_id?: string;
}

export function alertLogPath(outDir: string): string {
  return path.join(outDir, 'alerts.jsonl');
}

export function appendAlertLog(outDir: string, line: AlertLogLine): void {
  appendFileSync(alertLogPath(outDir), `${JSON.stringify(line)}\n`, 'utf8');
}

/** Every whole line of the log that parses; damaged ones are counted. */
export async function readAlertLog(outDir: string): Promise<{ lines: AlertLogLine[]; damaged: number }> {
  const lines: AlertLogLine[] = [];
  let damaged = 0;
  const input = createReadStream(alertLogPath(outDir), 'utf8');
  try {
    await new Promise<void>((resolve, reject) => input.once('open', () => resolve()).once('error', reject));
  } catch {
    return { lines, damaged }; // no alert sent yet
  }
  try {
    for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
      if (!raw.trim()) continue;
      try {
        const l = JSON.parse(raw) as Partial<AlertLogLine>;
        if (typeof l.key === 'string' && typeof l.sent_at === 'string') lines.push(l as AlertLogLine);
        else damaged++;
      } catch {
        damaged++;
      }
    }
  } finally {
    input.destroy();
  }
  return { lines, damaged };
}
