// `tinwatch dedupe rebuild|prune|compare`: the story index behind duplicate detection.
import type { Command } from 'commander';

export function registerDedupeCommand(program: Command): void {
  const dedupe = program.command('dedupe').description('the story index behind duplicate detection');

  dedupe
    .command('rebuild')
    .description('rebuild the index from the manifest and the written files (drops the current index first)')
    .option(
      '--retention-days <n>',
      'leave out stories written longer ago than this (default TINWATCH_DEDUPE_RETENTION_DAYS)',
    )
    .action(async (opts: { retentionDays?: string }) => {
      const { rebuildIndex } = await import('../../../src/dedupe/rebuild-index.js');
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const rt = await createRuntime({ outFolder: 'none' });
      try {
        const r = await rebuildIndex(rt.redis, rt.keys, rt.outDir, {
          retentionDays: opts.retentionDays ? Number(opts.retentionDays) : rt.env.TINWATCH_DEDUPE_RETENTION_DAYS,
          bucketBits: rt.env.TINWATCH_DEDUPE_BUCKET_BITS,
        });
        process.stdout.write(
          `indexed ${r.indexed} of ${r.articles} stories; ${r.expired} past the retention left out\n` +
            r.missingFiles.map((f) => `! file missing: ${f}\n`).join('') +
            r.hashMismatches.map((f) => `! text changed since written: ${f}\n`).join('') +
            (r.damagedLines
              ? `! ${r.damagedLines} damaged manifest line(s) skipped: run \`tinwatch manifest check --repair\`\n`
              : '') +
            r.wouldMerge
              .map((m) => `! ${m.id} would now count as a copy of ${m.into} (similarity ${m.similarity.toFixed(2)})\n`)
              .join(''),
        );
      } finally {
        await rt.close();
      }
    });

  dedupe
    .command('prune')
    .description('give back the memory of index entries past the retention (the scheduler runs this daily)')
    .action(async () => {
      const { pruneExpired } = await import('../../../src/dedupe/dedupe-index.js');
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const rt = await createRuntime({ outFolder: 'none' });
      try {
        const r = await pruneExpired(rt.redis, rt.keys);
        process.stdout.write(
          `scanned ${r.keys} bucket(s), removed ${r.removed} expired entr${r.removed === 1 ? 'y' : 'ies'}\n`,
        );
      } finally {
        await rt.close();
      }
    });

  dedupe
    .command('compare')
    .description(
      'whether two article texts (seed-format files) are the same story, decided exactly as the index decides',
    )
    .argument('<a>', 'first file')
    .argument('<b>', 'second file')
    .option('--json', 'print JSON')
    // The index reads a text's "hôm nay" as its publication day; a written file does not carry it.
    .option('--published-a <time>', "when A was published (ISO 8601): the day its 'hôm nay' names")
    .option('--published-b <time>', "when B was published (ISO 8601): the day its 'hôm nay' names")
    .action(async (a: string, b: string, opts: { json?: boolean; publishedA?: string; publishedB?: string }) => {
      const { fingerprint } = await import('../../../src/dedupe/fingerprint.js');
      const { compareFingerprints } = await import('../../../src/dedupe/same-story.js');
      const { formatComparison } = await import('../../../src/dedupe/format-comparison.js');
      const { textBlocksOfFile, titleOfFile } = await import('../../../src/dedupe/rebuild-index.js');
      const { readInputFile } = await import('../input-files.js');
      const [fa, fb] = await Promise.all(
        [
          [a, opts.publishedA],
          [b, opts.publishedB],
        ].map(async ([f, published]) => {
          const text = await readInputFile(f!);
          return fingerprint(null, textBlocksOfFile(text, null), undefined, titleOfFile(text), published ?? null);
        }),
      );
      // B is judged as a new article against A already indexed (the new-facts part reads B's lead).
      const v = compareFingerprints(fb!, fa!);
      process.stdout.write(
        opts.json
          ? `${JSON.stringify({ ...v, shingles: [fa!.shingles, fb!.shingles] })}\n`
          : formatComparison(v, fa!, fb!),
      );
    });
}
