// `npm run demo`: the whole pipeline against the bundled recorded pages, no internet needed. It
// starts the replay server, maps every recorded outlet to it, runs one crawl with in-process
// workers under its own Redis prefix (reset first), and leaves the files in the output folder.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { replayOriginMap } from '../../base/url/origin-map.js';
import { clearPrefix } from '../../base/redis/clear-prefix.js';
import { claimFolder } from '../../src/write/claim-folder.js';
import { IDENTITY_FILE } from '../../src/write/folder-identity.js';
import { startReplayServer } from '../replay/replay-server.js';
import { crawlOnce, type CrawlOnceOptions, type RunSummary } from '../../workers/run-once/crawl-once.js';
import type { Env } from '../../config/env.js';
import { createRuntime } from '../../pipeline/runtime/runtime.js';
import { projectPath } from '../../config/project-root.js';

export const FIXTURE_SITES = projectPath('app', 'demo', 'sites');
export const DEMO_PREFIX = 'tw-demo';
const DEMO_MARKER = '.tinwatch-demo';

/**
 * Whether a folder holds nothing but a writer's claim and empty folders: `npm start` with no
 * network leaves just that, and the README's next step is `npm run demo` into the same `out/`.
 */
async function nothingWritten(outDir: string, entries: string[]): Promise<boolean> {
  for (const e of entries) {
    if (e === IDENTITY_FILE) continue;
    const full = path.join(outDir, e);
    if (!(await stat(full)).isDirectory() || (await readdir(full)).length > 0) return false;
  }
  return true;
}

export async function prepareOutDir(outDir: string): Promise<void> {
  if (existsSync(outDir)) {
    const entries = (await readdir(outDir)).filter((e) => e !== DEMO_MARKER);
    const demoFolder = existsSync(path.join(outDir, DEMO_MARKER)) || (await nothingWritten(outDir, entries));
    if (entries.length > 0 && !demoFolder) {
      throw new Error(
        `${outDir} holds files that a demo did not write; the demo will not mix its files with them. ` +
          'Use --out to pick another folder.',
      );
    }
    await rm(outDir, { recursive: true, force: true });
  }
  await mkdir(outDir, { recursive: true });
  await writeFile(
    path.join(outDir, DEMO_MARKER),
    'written by `tinwatch demo`; the next demo run replaces this folder\n',
  );
}

export async function runDemo(
  outDir: string,
  redisUrl?: string,
  onProgress?: CrawlOnceOptions['onProgress'],
  /** Redis prefix of the run (reset first): two demos at once need their own. */
  prefix: string = DEMO_PREFIX,
  /** Overrides the log level (a live progress block wants only warnings beside it). */
  logLevel?: Env['LOG_LEVEL'],
): Promise<{ summary: RunSummary; files: string[] }> {
  await prepareOutDir(outDir);
  const replay = await startReplayServer(FIXTURE_SITES);
  const hosts = (await readdir(FIXTURE_SITES, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const rt = await createRuntime({
    env: {
      TINWATCH_PREFIX: prefix,
      TINWATCH_OUT: outDir,
      TINWATCH_HOST_DELAY_MS: 0,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      ...(logLevel ? { LOG_LEVEL: logLevel } : {}),
    },
    originMap: replayOriginMap(replay.url, hosts),
    // Claimed after the reset below: the reset would drop the claim's mark.
    outFolder: 'none',
  });
  try {
    await clearPrefix(rt.redis, prefix);
    await claimFolder(rt.redis, rt.keys, outDir);
    const summary = await crawlOnce(rt, { sources: rt.sources, ...(onProgress ? { onProgress } : {}) });
    const files = existsSync(path.join(outDir, 'articles'))
      ? (await readdir(path.join(outDir, 'articles'))).sort()
      : [];
    return { summary, files };
  } finally {
    await rt.close();
    await replay.close();
  }
}
