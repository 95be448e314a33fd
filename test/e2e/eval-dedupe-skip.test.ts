// `npm run eval:dedupe -- --real-only` on a checkout without the public corpora: each real section
// (news clusters, VietNews columns, VietNews republications) says in one line that it was skipped,
// and the run succeeds; nothing is read from a mirror that is not there.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, inject } from 'vitest';
import { tempDir } from '../helpers/test-runtime.js';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/eval/eval-dedupe.ts');

describe('eval:dedupe without the real corpora', () => {
  it('skips every real section in one line each and exits 0', async () => {
    const nowhere = tempDir('tw-no-mirrors');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', SCRIPT, '--real-only'], {
      env: {
        ...process.env,
        REDIS_URL: inject('redisUrl'),
        TINWATCH_MIRRORS: nowhere,
        TINWATCH_REAL_NEWS: path.join(nowhere, 'clusters'),
      },
    });
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toEqual([
      expect.stringMatching(/^Real pairs skipped: /),
      expect.stringMatching(/^Real recurring columns skipped: /),
      expect.stringMatching(/^Real republications \(VietNews\) skipped: /),
    ]);
  });
});
