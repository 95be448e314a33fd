// NNN sequence numbers: unique across processes (one Redis counter), and a story keeps the number
// it was first given, so a job retried after a crash writes the same file name again instead of
// taking a new number. Numbers are assigned only at the write step, after every check that could
// reject the article, which is what keeps the sequence free of gaps.
// A number is handed out only while Redis holds the output folder's record (keys.outFolder, set
// when a process claims the folder or `tinwatch recover` rebuilt it): a Redis that lost its data
// while a process ran would start the counter at 0 again and repeat every file number.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';
import { scriptCommand } from '../../base/redis/script-command.js';
import { FolderRecordMissingError } from './folder-identity.js';

const NO_RECORD = 'TINWATCH_NO_FOLDER_RECORD';

const ASSIGN = `
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then return tonumber(existing) end
if redis.call('EXISTS', KEYS[3]) == 0 then return redis.error_reply('${NO_RECORD}') end
local n = redis.call('INCR', KEYS[1]) - 1
redis.call('HSET', KEYS[2], ARGV[1], n)
return n
`;

type AssignFn = (seqKey: string, storySeqKey: string, folderKey: string, storyId: string) => Promise<number>;

export async function assignSequence(redis: Redis, keys: Keys, storyId: string): Promise<number> {
  const assign = scriptCommand<AssignFn>(redis, 'tinwatchAssignSeqInFolder', ASSIGN, { numberOfKeys: 3 });
  try {
    return Number(await assign(keys.seq, keys.storySeq, keys.outFolder, storyId));
  } catch (err) {
    if (!(err as Error).message.includes(NO_RECORD)) throw err;
    throw new FolderRecordMissingError(
      `Redis (prefix "${keys.prefix}") no longer holds the output folder's record (it lost its data?): ` +
        'nothing is written until `tinwatch recover` has run (docs/operations.md)',
    );
  }
}

export function fileNameFor(seq: number, storyId: string): string {
  return `${String(seq).padStart(3, '0')}_${storyId}.txt`;
}
