// `tinwatch manifest check`: damaged manifest lines, and their repair.
import type { Command } from 'commander';

export function registerManifestCommand(program: Command): void {
  program
    .command('manifest')
    .description('the manifest (out/manifest.jsonl) that downstream archives read')
    .command('check')
    .description(
      'find damaged lines (a write a full disk cut short); --repair rewrites the manifest without them (stop the workers first). Exit 1 while damage remains',
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
        `${r.lines} line(s), ${r.damaged.length} damaged${r.repaired ? ', removed' : ''}\n` +
          r.damaged.map((d) => `! line ${d.line}: ${d.start}\n`).join(''),
      );
      if (r.damaged.length > 0 && !r.repaired) process.exitCode = 1;
    });
}
