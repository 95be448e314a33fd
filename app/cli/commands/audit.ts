// `tinwatch audit SOURCE`: did we miss anything the outlet lists?
import type { Command } from 'commander';

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description(
      "reads what a source's outlet lists now (feeds, sitemaps, listing pages; politely, as a crawl does) and says for each article URL whether it was written or why not: never discovered, rejected by the URL rules, deferred, failed, off-topic, stale, duplicate… (exit 1 when a URL was missed with no recorded reason, 4 when nothing the outlet lists could be read)",
    )
    .argument('<source>', 'the source id (config/sources/<id>.yaml)')
    .option('--since <when>', 'judge URLs listed since a date or instant (ISO 8601) or a span back (36h, 3d)', '48h')
    .option('--json', 'print JSON: every URL with its verdict and reason, and the counts')
    .action(async (sourceId: string, opts: { since?: string; json?: boolean }) => {
      const { parseSince, printAudit, runAudit } = await import('../audit-report.js');
      const since = parseSince(opts.since);
      const { readEnv } = await import('../../../config/env.js');
      const { checkOutDir } = await import('../../../src/write/folder-identity.js');
      checkOutDir(readEnv().TINWATCH_OUT, 'read');
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const rt = await createRuntime({ outFolder: 'none' });
      try {
        const r = await runAudit(rt, sourceId, since);
        process.stdout.write(opts.json ? `${JSON.stringify(r, null, 2)}\n` : printAudit(r));
        if (r.pagesRead.length === 0) {
          process.stderr.write(`tinwatch: audit could not read anything ${sourceId} lists (see the lines above)\n`);
          process.exitCode = 4;
        } else if (r.unexplained > 0) process.exitCode = 1;
      } finally {
        await rt.close();
      }
    });
}
