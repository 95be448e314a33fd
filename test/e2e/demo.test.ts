// `npm run demo` leaves the expected files in the output folder and refuses to mix them with files
// it did not write.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, inject } from 'vitest';
import { prepareOutDir, runDemo } from '../../app/demo/demo.js';
import { createFolderIdentity } from '../../src/write/folder-identity.js';
import { goldenCases } from '../helpers/fixtures.js';
import { BUNDLED_FIRST_RUN_TOTALS } from '../helpers/bundled-run.js';
import { manifestLineProblems } from '../helpers/manifest-validator.js';
import { tempDir } from '../helpers/test-runtime.js';
import { MANIFEST_SCHEMA_VERSION } from '../../src/write/manifest-entry.js';

describe('demo', () => {
  it('writes every on-topic article and the manifest, twice in a row', async () => {
    const out = path.join(tempDir('tw-demo'), 'out');
    for (let i = 0; i < 2; i++) {
      const { summary, files } = await runDemo(out, inject('redisUrl'));
      expect(summary.totals).toEqual(BUNDLED_FIRST_RUN_TOTALS);
      expect(files).toHaveLength(BUNDLED_FIRST_RUN_TOTALS.written);
      const texts = new Set(files.map((f) => readFileSync(path.join(out, 'articles', f), 'utf8')));
      for (const g of goldenCases().filter((c) => c.onTopic)) expect(texts.has(g.expectedText)).toBe(true);
      const lines = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8').trim().split('\n');
      expect(lines).toHaveLength(BUNDLED_FIRST_RUN_TOTALS.written + BUNDLED_FIRST_RUN_TOTALS.duplicate);
      // Every line keeps the published contract, checked by a validator other than the writer's.
      expect(manifestLineProblems(lines)).toEqual([]);
      for (const l of lines) expect(JSON.parse(l)).toMatchObject({ schema_version: MANIFEST_SCHEMA_VERSION });
    }
  }, 180_000); // two whole demos, which take over a minute on a loaded machine

  it('refuses an output folder holding files it did not write', async () => {
    const out = tempDir('tw-demo-busy');
    mkdirSync(path.join(out, 'articles'));
    writeFileSync(path.join(out, 'manifest.jsonl'), '{"precious":true}\n');
    await expect(runDemo(out, inject('redisUrl'))).rejects.toThrow(/holds files that a demo did not write/);
    expect(readdirSync(out).sort()).toEqual(['articles', 'manifest.jsonl']);
  });

  it('takes a folder in which `npm start` wrote nothing (no network): only its claim and empty folders', async () => {
    const out = tempDir('tw-demo-after-start');
    createFolderIdentity(out, 'tw');
    mkdirSync(path.join(out, 'articles'));
    await prepareOutDir(out);
    expect(readdirSync(out)).toEqual(['.tinwatch-demo']);
    // One file written, and the folder is not the demo's to replace.
    const busy = tempDir('tw-demo-after-start-busy');
    createFolderIdentity(busy, 'tw');
    mkdirSync(path.join(busy, 'articles'));
    writeFileSync(path.join(busy, 'articles', '000_0123456789abcdef.txt'), 'a story\n');
    await expect(prepareOutDir(busy)).rejects.toThrow(/holds files that a demo did not write/);
    expect(readdirSync(busy).sort()).toEqual(['articles', 'tinwatch-folder.json']);
  });
});
