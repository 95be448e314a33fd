// `npm run schema:manifest`: writes schemas/manifest-entry.schema.json from the zod contract in
// src/write/manifest-entry.ts. A test fails when the committed file and the contract differ.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestJsonSchema } from '../../src/write/manifest-entry.js';

export const MANIFEST_SCHEMA_FILE = path.resolve(import.meta.dirname, '../../schemas/manifest-entry.schema.json');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(MANIFEST_SCHEMA_FILE, `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), MANIFEST_SCHEMA_FILE)}\n`);
}
