// Checks manifest lines against the published JSON Schema with ajv: a validator other than the
// zod schemas the writer uses, reading the file archives receive.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SCHEMA = path.resolve(import.meta.dirname, '../../schemas/manifest-entry.schema.json');

export function manifestLineProblems(lines: readonly string[]): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
  const problems: string[] = [];
  lines.forEach((line, i) => {
    if (!validate(JSON.parse(line))) problems.push(`line ${i + 1}: ${ajv.errorsText(validate.errors)}`);
  });
  return problems;
}
