// The repository ships only text written here: no recorded page, golden text or own-set text
// carries a passage of the user's seed files (third-party articles, read in place and never
// copied). Without the seed files this skips with one line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { referenceMissing, SEEDS_DIR } from '../../evaluation/reference-material.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['app/demo/sites', 'test/fixtures', 'evaluation/own-set'];
/** A passage this long shared with a seed is copied text, not a shared name or phrase. */
const WINDOW = 60;
const STEP = 20;

/** Lower-case NFC text with markup and entities gone and every whitespace run one space. */
function plain(text: string): string {
  return decodeHTML(text.replace(/<!\[CDATA\[|\]\]>/g, ' ').replace(/<[^>]*>/g, ''))
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const seedsMissing = referenceMissing(SEEDS_DIR, 'the seed files');
if (seedsMissing) process.stderr.write(`own text: ${seedsMissing}\n`);

describe.skipIf(seedsMissing !== null)('the repository carries no seed text', () => {
  it(`no recorded page, golden or own-set file shares a ${WINDOW}-character passage with a seed file`, () => {
    // Passages are cut inside one line of a seed: a short line (an outlet's footer menu, a
    // credit) is page furniture the recorded pages imitate, not the article's text.
    const passages = new Map<string, string>();
    for (const seed of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')))
      for (const line of readFileSync(path.join(SEEDS_DIR, seed), 'utf8').split('\n')) {
        const t = plain(line);
        for (let i = 0; i + WINDOW <= t.length; i += STEP) passages.set(t.slice(i, i + WINDOW), seed);
      }
    expect(passages.size).toBeGreaterThan(100);

    const found: string[] = [];
    for (const file of SCANNED.flatMap((d) => filesUnder(path.join(ROOT, d)))) {
      const t = plain(readFileSync(file, 'utf8'));
      for (let i = 0; i + WINDOW <= t.length; i++) {
        const seed = passages.get(t.slice(i, i + WINDOW));
        if (seed) {
          found.push(`${path.relative(ROOT, file)}: seed ${seed}: "${t.slice(i, i + WINDOW)}"`);
          break;
        }
      }
    }
    expect(found).toEqual([]);
  });
});
