// `npm run schemas`: writes the published JSON Schemas from their zod contracts —
// the manifest's (src/write/manifest-json-schemas.ts: one file per kind of line, the export
// line, any line), schemas/watchlist.schema.json (config/watchlist-schema.ts) and
// schemas/source.schema.json (config/source-schema.ts), schemas/concept.schema.json
// (config/concept-schema.ts). Tests fail when a committed file and
// its contract differ.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { conceptJsonSchema } from '../../config/concept-schema.js';
import { sourceJsonSchema } from '../../config/source-schema.js';
import { watchlistJsonSchema } from '../../config/watchlist-schema.js';
import { manifestJsonSchemas } from '../../src/write/manifest-json-schemas.js';

const SCHEMAS = path.resolve(import.meta.dirname, '../../schemas');

for (const [file, schema] of [
  ...Object.entries(manifestJsonSchemas()),
  ['watchlist.schema.json', watchlistJsonSchema()],
  ['source.schema.json', sourceJsonSchema()],
  ['concept.schema.json', conceptJsonSchema()],
] as const) {
  const target = path.join(SCHEMAS, file);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
