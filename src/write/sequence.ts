// NNN sequence numbers: unique across processes (one Redis counter), and a story keeps the number
// it was first given, so a job retried after a crash writes the same file name again instead of
// taking a new number. Numbers are assigned only at the write step, after every check that could
// reject the article, which is what keeps the sequence free of gaps.
import type { Redis } from 'ioredis';
import type { Keys } from '../redis/keys.js';
import { scriptCommand } from '../redis/script-command.js';

const ASSIGN = `
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then return tonumber(existing) end
local n = redis.call('INCR', KEYS[1]) - 1
redis.call('HSET', KEYS[2], ARGV[1], n)
return n
`;

type AssignFn = (seqKey: string, storySeqKey: string, storyId: string) => Promise<number>;

export async function assignSequence(redis: Redis, keys: Keys, storyId: string): Promise<number> {
  const assign = scriptCommand<AssignFn>(redis, 'tinwatchAssignSeq', ASSIGN, { numberOfKeys: 2 });
  const n = await assign(keys.seq, keys.storySeq, storyId);
  return Number(n);
}

export function fileNameFor(seq: number, storyId: string): string {
  return `${String(seq).padStart(3, '0')}_${storyId}.txt`;
}
