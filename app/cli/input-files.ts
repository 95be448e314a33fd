// Files a user names on the command line: a missing or unreadable one is one line, exit 2.
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../../config/errors.js';

/** A file the user named on the command line, as bytes: a missing or unreadable one is one line, exit 2. */
export async function readInputBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw new ConfigError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** The same as UTF-8 text. */
export async function readInputFile(file: string): Promise<string> {
  return (await readInputBytes(file)).toString('utf8');
}
