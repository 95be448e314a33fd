// Checks manifest and export lines against the published JSON Schemas with ajv in strict mode: a
// validator other than the zod schemas the writer uses, reading the files archives receive
// (every schemas/*.schema.json of the manifest, resolved by their relative $id).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SCHEMAS = path.resolve(import.meta.dirname, '../../schemas');

let compiled: Map<string, ValidateFunction> | null = null;

function validators(): Map<string, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const files = readdirSync(SCHEMAS).filter((f) => /^(?:manifest|export)-.*\.schema\.json$/.test(f));
  for (const f of files) ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS, f), 'utf8')) as object);
  compiled = new Map(files.map((f) => [f, ajv.getSchema(f)!]));
  return compiled;
}

/** Problems of each line against one published schema (by file name); empty when all pass. */
export function lineProblems(schemaFile: string, lines: readonly string[]): string[] {
  const validate = validators().get(schemaFile);
  if (!validate) throw new Error(`no published schema ${schemaFile}`);
  const problems: string[] = [];
  lines.forEach((line, i) => {
    if (!validate(JSON.parse(line))) {
      const errs = (validate.errors ?? [])
        .map((e) => {
          const extra = (e.params as { additionalProperty?: string }).additionalProperty;
          return `${e.instancePath || '/'} ${e.message ?? ''}${extra ? `: '${extra}'` : ''}`;
        })
        .join('; ');
      problems.push(`line ${i + 1}: ${errs}`);
    }
  });
  return problems;
}

export const manifestLineProblems = (lines: readonly string[]): string[] =>
  lineProblems('manifest-entry.schema.json', lines);

export const exportLineProblems = (lines: readonly string[]): string[] =>
  lineProblems('export-line.schema.json', lines);
