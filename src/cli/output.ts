import path from 'node:path';
import { Transaction } from '../archive/transaction.js';
import { FileExistsError } from '../archive/write.js';
import { catalogue, type Lang } from '../i18n/index.js';
import type { Io } from './io.js';

/**
 * Prints a document, or with --out writes it: a new file through a
 * no-clobber link, an existing one only with --force and then atomically.
 * Returns the exit code (1 when the file exists and --force is not given).
 */
export async function emit(io: Io, text: string | Uint8Array, opts: { out?: string; force?: boolean }, lang: Lang): Promise<number> {
  if (opts.out === undefined) {
    if (typeof text !== 'string') throw new Error('binary output needs --out');
    io.stdout.write(text);
    return 0;
  }
  const target = path.resolve(io.cwd, opts.out);
  try {
    // As a transaction, so that a folder made for the file goes again if the write fails.
    await Transaction.run((tx) => (opts.force ? tx.replace(target, text) : tx.create(target, text)));
  } catch (error) {
    if (error instanceof FileExistsError) {
      io.stderr.write(`kd: ${catalogue(lang).cli.errors['out-exists']({ file: opts.out })}\n`);
      return 1;
    }
    throw error;
  }
  return 0;
}
