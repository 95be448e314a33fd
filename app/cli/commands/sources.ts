// `tinwatch sources check`: each source's discovery and one article, read as the crawler would.
import type { Command } from 'commander';

export function registerSourcesCommand(program: Command): void {
  const sourcesCmd = program.command('sources').description('the configured outlets');

  sourcesCmd
    .command('check')
    .description(
      'fetch each feed/listing and one article per source; report links found, which selectors matched, which fell back, and the fields (exit 1 on a problem)',
    )
    .argument('[ids...]', 'source ids (default: all)')
    .option('--json', 'print JSON')
    .action(async (ids: string[], opts: { json?: boolean }) => {
      const { checkSource, formatSourceCheck } = await import('../sources-check.js');
      const { readEnv } = await import('../../../config/env.js');
      const { createOriginMap } = await import('../../../base/url/origin-map.js');
      const { pickSources } = await import('../pick-sources.js');
      const sources = pickSources(ids.length ? ids : undefined);
      const originMap = createOriginMap(readEnv().TINWATCH_ORIGIN_MAP ?? {});
      const checks = [];
      for (const s of sources) checks.push(await checkSource(s, originMap));
      process.stdout.write(
        opts.json ? `${JSON.stringify(checks, null, 2)}\n` : `${checks.map(formatSourceCheck).join('\n\n')}\n`,
      );
      if (checks.some((c) => !c.ok)) process.exitCode = 1;
    });
}
