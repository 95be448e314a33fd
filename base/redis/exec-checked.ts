// ioredis resolves a pipeline or MULTI even when commands in it failed (each reply carries its own
// error) and resolves null when a MULTI was aborted. Callers that need every command to have
// happened use this: the first error is thrown, and the replies come back without the error slots.
import type { ChainableCommander } from 'ioredis';

export async function execChecked(batch: ChainableCommander, what: string): Promise<unknown[]> {
  const res = await batch.exec();
  if (!res) throw new Error(`${what}: the transaction was aborted`);
  const failed = res.find(([err]) => err)?.[0];
  if (failed) throw failed;
  return res.map(([, reply]) => reply);
}
