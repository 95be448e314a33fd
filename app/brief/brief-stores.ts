// A runtime's stores as the briefing reads them: the output folder, the enabled sources, source
// health and the relevance marks in Redis. Shared by `tinwatch brief` and the dashboard's /brief.
import type { BriefStores } from '../../src/brief/gather-brief.js';
import { listMarks } from '../../src/relevance/relevance-marks.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { causeWords } from '../../crawlers/failure-cause.js';

export function briefStoresOf(rt: Runtime): BriefStores {
  return {
    outDir: rt.outDir,
    sources: rt.sources.map((s) => ({ id: s.id, name: s.name })),
    health: (id) => rt.stats.health(id),
    judged: async () => new Set((await listMarks(rt.redis, rt.keys)).map((m) => m.id)),
    causeWords,
  };
}
