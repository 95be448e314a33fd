// `tinwatch replay`: serve recorded pages on loopback and print the origin map that points at them.
import type { Command } from 'commander';
import { ConfigError } from '../../../config/errors.js';
import { portNumber } from '../option-parsers.js';

export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('serve recorded pages laid out as DIR/<host>/<path> on 127.0.0.1 and print the origin map')
    .argument('<dir>', 'folder of recorded pages')
    .option('--port <n>', 'port (default: a free one)', portNumber('--port'), 0)
    .action(async (dir: string, opts: { port: number }) => {
      const { replayOriginMap } = await import('../../../base/url/origin-map.js');
      const { startReplayServer } = await import('../../replay/replay-server.js');
      const { readdir, stat } = await import('node:fs/promises');
      if (!(await stat(dir).catch(() => null))?.isDirectory())
        throw new ConfigError(`replay: ${dir} is not a folder of recorded pages (DIR/<host>/<path>)`);
      const server = await startReplayServer(dir, opts.port);
      const hosts = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
      process.stdout.write(`replay server on ${server.url}\n`);
      process.stdout.write(`TINWATCH_ORIGIN_MAP='${JSON.stringify(replayOriginMap(server.url, hosts))}'\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await server.close();
    });
}
