// `tinwatch manifest check`: damaged manifest lines, and their repair.
import type { Command } from 'commander';

export function registerManifestCommand(program: Command): void {
  program
    .command('manifest')
    .description('the manifest (out/manifest.jsonl) that downstream archives read')
    .command('check')
    .description(
      'find damaged lines (a write a full disk cut short), files a line names that are not on disk (unless a tombstone line says retention removed them), and text and WARC files no line names; --repair rewrites the manifest without the damaged lines (stop the workers first). Exit 1 while any problem remains',
    )
    .option('--repair', 'rewrite the manifest without the damaged lines')
    .action(async (opts: { repair?: boolean }) => {
      const { checkManifest } = await import('../../../src/write/manifest-check.js');
      const { readEnv } = await import('../../../config/env.js');
      const { checkOutDir } = await import('../../../src/write/folder-identity.js');
      const outDir = readEnv().TINWATCH_OUT;
      checkOutDir(outDir, 'read');
      // A repair rewrites the manifest: the folder must take a new file.
      if (opts.repair) checkOutDir(outDir, 'write');
      const r = await checkManifest(outDir, { repair: opts.repair });
      process.stdout.write(
        `${r.lines} line(s), ${r.damaged.length} damaged${r.repaired ? ', removed' : ''}; ${r.missing.length} file(s) missing, ${r.unlisted.length} on disk but in no line\n` +
          r.damaged.map((d) => `! line ${d.line}: ${d.start}\n`).join('') +
          r.missing
            .map((m) => `! line ${m.line} names ${m.file}: not on disk, and no tombstone says it was removed\n`)
            .join('') +
          r.unlisted.map((f) => `! ${f}: on disk, named by no manifest line\n`).join(''),
      );
      if ((r.damaged.length > 0 && !r.repaired) || r.missing.length > 0 || r.unlisted.length > 0) process.exitCode = 1;
    });
}
