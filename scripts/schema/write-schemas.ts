// `npm run schemas`: writes the published JSON Schemas from their zod contracts —
// schemas/manifest-entry.schema.json (src/write/manifest-entry.ts) and
// schemas/watchlist.schema.json (config/watchlist-schema.ts), schemas/source.schema.json
// (config/source-schema.ts). Tests fail when a committed file and
// its contract differ.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sourceJsonSchema } from '../../config/source-schema.js';
import { watchlistJsonSchema } from '../../config/watchlist-schema.js';
import { manifestJsonSchema } from '../../src/write/manifest-entry.js';

const SCHEMAS = path.resolve(import.meta.dirname, '../../schemas');

for (const [file, schema] of [
  ['manifest-entry.schema.json', manifestJsonSchema()],
  ['watchlist.schema.json', watchlistJsonSchema()],
  ['source.schema.json', sourceJsonSchema()],
] as const) {
  const target = path.join(SCHEMAS, file);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
