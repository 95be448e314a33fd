// The sources a command names: an unknown id stops with one line.
import { loadSources, sourceById } from '../../config/load-sources.js';
import type { SourceConfig } from '../../config/source-schema.js';

/** The named sources (an unknown id stops with exit 2), or every source. */
export function pickSources(ids: string[] | undefined): SourceConfig[] {
  return ids && ids.length ? ids.map((id) => sourceById(id)) : loadSources();
}
