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
export async function emit(io: Io, text: string, opts: { out?: string; force?: boolean }, lang: Lang): Promise<number> {
  if (opts.out === undefined) {
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

/** The closest names to a misspelt one (Levenshtein distance), for "did you mean". */
export function closest(input: string, names: readonly string[], count = 3): string[] {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return row[b.length]!;
  };
  return [...names]
    .map((n) => ({ n, d: distance(input.toLowerCase(), n.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(input.length / 3)))
    .sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : 1))
    .slice(0, count)
    .map((x) => x.n);
}
