// NNN numbers: unique under concurrency, stable for a story across retries, no gaps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignSequence, fileNameFor } from '../../src/write/sequence.js';
import { testRuntime } from '../helpers/test-runtime.js';

describe('assignSequence', () => {
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  beforeAll(async () => {
    rt = await testRuntime();
  });
  afterAll(async () => {
    await rt.cleanup();
  });

  it('gives 500 concurrent stories 0..499 exactly once, and a retried story its old number', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => i.toString(16).padStart(16, '0'));
    const conns = [rt.redis, rt.workerConnection(), rt.workerConnection()];
    const seqs = await Promise.all(ids.map((id, i) => assignSequence(conns[i % 3]!, rt.keys, id)));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    const again = await Promise.all(ids.map((id) => assignSequence(rt.redis, rt.keys, id)));
    expect(again).toEqual(seqs);
  });

  it('pads to at least three digits and grows past 999', () => {
    expect(fileNameFor(7, 'af8e3c8afcbec8d7')).toBe('007_af8e3c8afcbec8d7.txt');
    expect(fileNameFor(1234, 'af8e3c8afcbec8d7')).toBe('1234_af8e3c8afcbec8d7.txt');
  });
});
