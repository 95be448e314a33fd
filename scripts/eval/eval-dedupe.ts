// npm run eval:dedupe [-- --write]: precision and recall of near-duplicate detection on
// test/eval (targets: precision ≥ 0.99, recall ≥ 0.95), through the real Redis index under a
// throwaway prefix; --write appends the table to BENCHMARKS.md.
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { DEDUPE } from '../../config/dedupe.js';
import { clearPrefix } from '../../src/redis/clear-prefix.js';
import { createKeys } from '../../src/redis/keys.js';
import { EVAL_DIR, loadEvalArticles, loadNearDuplicates } from './eval-set.js';
import { evaluateDedupe } from './dedupe-eval.js';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const keys = createKeys(`tw-eval-dedupe-${process.pid}`);
try {
  const r = await evaluateDedupe(redis, keys, loadEvalArticles(), loadNearDuplicates());
  const f = (x: number): string => x.toFixed(3);
  const m = r.pairs;
  const lines = [
    `## Dedupe eval — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Command: \`npm run eval:dedupe\` · machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version} · MinHash ${DEDUPE.bands}×${DEDUPE.rows}, copy at Jaccard ≥ ${DEDUPE.minJaccard} or containment ≥ ${DEDUPE.minContainment}`,
    '',
    `${r.originals} original texts indexed first (${r.hardNegativeJaccard.pairs} same-event pairs among them: the hard negatives), then ${r.copies} republished copies with wire edits (test/eval/near-duplicates.json). Targets: precision ≥ 0.99, recall ≥ 0.95.`,
    '',
    '| precision | recall | F1 | copies merged (TP) | wrong merges (FP) | copies missed (FN) |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${f(m.precision)} | ${f(m.recall)} | ${f(m.f1)} | ${m.tp} | ${m.fp} | ${m.fn} |`,
    '',
    `True shingle Jaccard of the copies to their originals: min ${f(r.copyJaccard.min)}, median ${f(r.copyJaccard.median)}; of same-event write-ups: max ${f(r.hardNegativeJaccard.max)}, median ${f(r.hardNegativeJaccard.median)}.`,
    '',
    ...r.falseMerges.map(
      (x) =>
        `- wrong merge: ${x.id} into ${x.into} (similarity ${f(x.similarity)}${x.sameEvent ? ', same event' : ''})`,
    ),
    ...r.missed.map((x) => `- missed: ${x.id} (copy of ${x.of}, true Jaccard ${f(x.jaccard)})`),
    '',
  ];
  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  if (process.argv.includes('--write')) appendFileSync(path.join(EVAL_DIR, '../../BENCHMARKS.md'), `\n${report}`);
} finally {
  await clearPrefix(redis, keys.prefix);
  redis.disconnect();
}
