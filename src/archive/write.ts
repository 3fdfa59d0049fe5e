import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly file: string) {
    super(file);
    this.name = 'FileExistsError';
  }
}

/**
 * Writes a new file without ever replacing one: the text goes to a
 * temporary file beside the target, which is then hard-linked into place
 * (atomic, and it fails if the target exists, even when another process
 * creates it meanwhile). A reader never sees a half-written file, and on
 * any failure the temporary file is removed.
 */
export async function writeNewFile(target: string, text: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.kd-tmp-${process.pid}-${Date.now()}-${path.basename(target)}`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await rm(temp, { force: true });
      throw new FileExistsError(target);
    }
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
      // A file system without hard links: rename, after making sure there is nothing to replace.
      try {
        await writeFile(target, '', { flag: 'wx' });
      } catch (e) {
        await rm(temp, { force: true });
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(target);
        throw e;
      }
      await rename(temp, target);
      return;
    }
    await rm(temp, { force: true });
    throw error;
  }
  await rm(temp, { force: true });
}

/**
 * Replaces a file kd owns (a generated register) atomically: a reader sees
 * the old text or the new, never half of one.
 */
export async function replaceFile(target: string, text: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.kd-tmp-${process.pid}-${Date.now()}-${path.basename(target)}`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
