// Before a process writes to the output folder: the folder must belong to this Redis prefix and
// this Redis must hold its record (folder-identity.ts says why). A new, empty folder is claimed
// here; a folder written before folders had identities is adopted when this Redis's numbering
// is already past every file in it; anything else is refused with one line.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';
import {
  articleFileNumbers,
  checkOutDir,
  createFolderIdentity,
  folderHasRecord,
  FolderRecordMissingError,
  IDENTITY_FILE,
  OutFolderError,
  readFolderIdentity,
  type FolderIdentity,
} from './folder-identity.js';

export function otherPrefixMessage(outDir: string, identity: FolderIdentity, prefix: string): string {
  return (
    `${outDir} is written under Redis prefix "${identity.prefix}" (${IDENTITY_FILE}) and this run uses "${prefix}": ` +
    `a second numbering would repeat file numbers and seqs; leave TINWATCH_PREFIX unset (or set it to "${identity.prefix}"), or give another --out`
  );
}

export function noRecordMessage(outDir: string, prefix: string): string {
  return (
    `Redis (prefix "${prefix}") holds no record of ${outDir}: it lost its data, or it is another Redis; ` +
    'writing now would repeat file numbers, seqs and alerts: run `tinwatch recover` first (docs/operations.md)'
  );
}

export async function claimFolder(redis: Redis, keys: Keys, outDir: string): Promise<FolderIdentity> {
  checkOutDir(outDir, 'write');
  let identity = readFolderIdentity(outDir);
  if (identity && identity.prefix !== keys.prefix)
    throw new OutFolderError(otherPrefixMessage(outDir, identity, keys.prefix));
  const marker = await redis.get(keys.outFolder);
  if (identity && marker === identity.id) return identity;
  const hasRecord = folderHasRecord(outDir);
  if (!identity) {
    // Written before folders had identities: this Redis wrote it if its counter is past every file.
    const counter = await redis.get(keys.seq);
    const adopt = counter !== null && Number(counter) > articleFileNumbers(outDir).max;
    if (hasRecord && !adopt) throw new FolderRecordMissingError(noRecordMessage(outDir, keys.prefix));
    // A folder under a prefix that already numbers another folder shares that numbering (its id).
    identity = createFolderIdentity(outDir, keys.prefix, marker ?? undefined);
    if (identity.prefix !== keys.prefix) throw new OutFolderError(otherPrefixMessage(outDir, identity, keys.prefix));
  } else if (hasRecord) {
    throw new FolderRecordMissingError(noRecordMessage(outDir, keys.prefix));
  } else if (marker !== null) {
    // Nothing written here yet, and this prefix already numbers another folder: share its id.
    identity = createFolderIdentity(outDir, keys.prefix, marker, { replace: true });
  }
  // Nothing written here yet, or adopted: this Redis's numbering is the folder's from now on.
  if (marker === null) await redis.set(keys.outFolder, identity.id, 'NX');
  return identity;
}
