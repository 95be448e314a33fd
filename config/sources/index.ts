// Sources written in TypeScript, for an outlet whose needs go beyond data (a value computed at
// start, a shared fragment imported from another file). Every bundled outlet is plain data: a
// <id>.yaml file beside this one, read by config/load-sources.ts. A TypeScript source is a file
// here exporting `defineSource({...})` (config/source-schema.ts), listed below by file name; it is
// checked at start exactly as the YAML files are.
import type { SourceInput } from '../source-schema.js';

export const TYPESCRIPT_SOURCES: Record<string, SourceInput> = {};
