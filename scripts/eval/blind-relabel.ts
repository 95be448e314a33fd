// A blind re-read of the mirror labels (issue 33). Two steps, both writing outside the repository:
//
//   blind-relabel.ts sample OOF.tsv DIR BATCH SIZE   (OOF.tsv from scripts/eval/relevance-oof.ts)
//     takes the disputed texts ranked SIZE × (BATCH − 1) … SIZE × BATCH − 1 by the model's
//     confidence (most confident disagreements first), as many agreed texts drawn at random
//     (seeded, never drawn twice across batches), shuffles them, and writes DIR/blind-BATCH.tsv
//     (blind id, text id: what the reader sees) and DIR/key-BATCH.tsv (blind id, text id, label,
//     probability, verdict, disputed: what the reader must not see until every text is re-read).
//   blind-relabel.ts show DIR/blind-BATCH.tsv
//     prints each text of the batch under its blind id, as plain text: no label, no verdict.
//
// The re-reader writes DIR/relabel-BATCH.tsv (blind id, new label, the guide's clause) and then
// runs scripts/eval/relabel-compare.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadMirrorSet } from '../../evaluation/mirror-relevance-set.js';
import { seededRandom, type Rand } from '../../evaluation/seeded-random.js';

const SEED = 33;

const tsv = (file: string): string[][] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(1)
    .map((l) => l.split('\t'));

function shuffled<T>(xs: readonly T[], rand: Rand): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function sample(oofFile: string, dir: string, batch: number, size: number): void {
  const rows = tsv(oofFile);
  const disputed = rows.filter((r) => r[6] === '1').sort((a, b) => Number(b[7]) - Number(a[7]));
  // One seeded order of the agreed texts for every batch: batch b takes its own slice of it, so
  // a control is never drawn twice and a batch does not depend on which batches ran before it.
  const agreed = shuffled(
    rows.filter((r) => r[6] === '0'),
    seededRandom(SEED),
  );
  const from = size * (batch - 1);
  const picked = disputed.slice(from, from + size);
  const controls = agreed.slice(from, from + picked.length);
  const mixed = shuffled([...picked, ...controls], seededRandom(SEED + batch));
  const blindId = (k: number): string => `b${batch}-${String(k + 1).padStart(3, '0')}`;
  writeFileSync(
    path.join(dir, `blind-${batch}.tsv`),
    ['blind\tid', ...mixed.map((r, k) => `${blindId(k)}\t${r[0]}`)].join('\n') + '\n',
  );
  writeFileSync(
    path.join(dir, `key-${batch}.tsv`),
    [
      'blind\tid\tlabel\tkind\tprobability\tverdict\tdisputed\tconfidence',
      ...mixed.map((r, k) => [blindId(k), r[0], r[1], r[2], r[3], r[4], r[6], r[7]].join('\t')),
    ].join('\n') + '\n',
  );
  process.stdout.write(
    `batch ${batch}: ${picked.length} disputed (of ${disputed.length}) + ${controls.length} agreed → ${dir}\n`,
  );
}

function show(blindFile: string): void {
  const wanted = tsv(blindFile);
  const byId = new Map(loadMirrorSet().items.map((it) => [it.id, it.input]));
  for (const [blind, id] of wanted) {
    const input = byId.get(id!);
    if (!input) throw new Error(`${id} is not a labelled mirror text`);
    process.stdout.write(
      `\n=== ${blind} ===\nTITLE: ${input.title}\nLEAD: ${input.lead ?? ''}\n${input.body.join('\n')}\n`,
    );
  }
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'sample' && args.length === 4) sample(args[0]!, args[1]!, Number(args[2]), Number(args[3]));
else if (cmd === 'show' && args.length === 1) show(args[0]!);
else throw new Error('usage: blind-relabel.ts sample OOF.tsv DIR BATCH SIZE | show DIR/blind-BATCH.tsv');
