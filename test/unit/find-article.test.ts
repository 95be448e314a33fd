// A story's manifest line is found past the tail the overview reads: through the whole manifest,
// a line at a time, skipping a fragment a failed write left.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../app/dashboard/latest-articles.js';
import { tempDir } from '../helpers/test-runtime.js';

const line = (id: string, type = 'article') => JSON.stringify({ type, id, title: `t ${id}`, url: `https://x/${id}` });
const id = (n: number) => n.toString(16).padStart(16, '0');

describe('findArticle', () => {
  it('finds an old story beyond the tail, and says null for an unknown id or no manifest', async () => {
    const out = tempDir('tw-find');
    expect(await findArticle(out, id(1))).toBeNull();
    const lines = [line(id(1)), '{"type":"article","id":"00000', line(id(2), 'duplicate')];
    for (let n = 10; n < 5_020; n++) lines.push(line(id(n)));
    writeFileSync(path.join(out, 'manifest.jsonl'), `${lines.join('\n')}\n`);
    expect(await findArticle(out, id(1))).toMatchObject({ id: id(1), title: `t ${id(1)}` });
    expect(await findArticle(out, id(5_019))).toMatchObject({ id: id(5_019) });
    expect(await findArticle(out, id(2))).toBeNull(); // a duplicate's line is not a story
    expect(await findArticle(out, id(3))).toBeNull();
  });
});
