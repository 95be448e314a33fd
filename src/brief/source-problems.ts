// The sources a briefing warns about: failing ones (their health hash says so, as the dashboard
// shows them) and silent ones, which work but carried no story for `silentDays` up to the day's
// end: an outlet that changed its feed or layout often looks like that before anything fails.
import type { SourceHealth } from '../stats/pipeline-stats.js';
import { sourceState } from '../stats/source-status.js';
import { timeOf } from '../thread/thread-types.js';
import type { SourceProblem } from './brief-model.js';
import { dayBounds } from './brief-days.js';

export const SILENT_DAYS = 3;

export interface WatchedSource {
  id: string;
  name: string;
}

export function sourceProblems(
  sources: readonly WatchedSource[],
  health: ReadonlyMap<string, SourceHealth>,
  lastReport: ReadonlyMap<string, string>,
  day: string,
  /** A failure cause in words (crawlers/failure-cause.ts knows them; it sits a floor above). */
  causeWords: (cause: string) => string = (cause) => cause,
  silentDays = SILENT_DAYS,
): SourceProblem[] {
  const end = Date.parse(dayBounds(day).to);
  const out: SourceProblem[] = [];
  for (const s of sources) {
    const state = sourceState(health.get(s.id) ?? {});
    if (state.kind === 'failing') {
      out.push({
        source_id: s.id,
        name: s.name,
        kind: 'failing',
        since: state.since,
        detail: `${causeWords(state.cause)} (${state.via}: ${state.reason})`,
      });
      continue;
    }
    const last = lastReport.get(s.id) ?? null;
    const quietMs = last === null ? Number.POSITIVE_INFINITY : end - timeOf(last);
    if (quietMs < silentDays * 86_400_000) continue;
    out.push({
      source_id: s.id,
      name: s.name,
      kind: 'silent',
      since: last,
      detail: last ? `no story for ${Math.floor(quietMs / 86_400_000)} days` : 'no story yet',
    });
  }
  return out.sort((a, b) =>
    a.kind === b.kind ? a.source_id.localeCompare(b.source_id) : a.kind === 'failing' ? -1 : 1,
  );
}
