import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly file: string) {
    super(file);
    this.name = 'FileExistsError';
  }
}

/** How every temporary file kd writes begins; the process id follows, so a later run can tell a dead run's leftovers. */
export const TEMP_PREFIX = '.kd-tmp-';
/** `.kd-tmp-<pid>-<stamp>-<name>`: the pid of the run that wrote it. */
const TEMP_NAME = /^\.kd-tmp-(\d+)-\d+-/;

/** Temporary files this process has made and not yet renamed, linked or removed. */
const live = new Set<string>();
let serial = 0;

/**
 * A fresh temporary name beside `target`: `.kd-tmp-<pid>-<stamp>-<name>`.
 * A dot-file, so that kd's own listings pass over it; the pid lets the
 * next run holding the archive lock remove it when this process is gone.
 */
export function tempFor(target: string): string {
  serial = (serial + 1) % 1000;
  return path.join(path.dirname(target), `${TEMP_PREFIX}${process.pid}-${Date.now() * 1000 + serial}-${path.basename(target)}`);
}

/** The process id in a temporary file's name, or undefined for any other name. */
export function tempOwner(name: string): number | undefined {
  const m = TEMP_NAME.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** True for a temporary file this process made and still uses. */
export function isLiveTemp(file: string): boolean {
  return live.has(file);
}

/** Writes a temporary file that no one else can have (O_EXCL); remembered as live until `dropTemp`. */
export async function writeTemp(temp: string, text: string | Uint8Array): Promise<void> {
  live.add(temp);
  try {
    await writeFile(temp, text, { flag: 'wx' });
  } catch (error) {
    await dropTemp(temp);
    throw error;
  }
}

/** Removes a temporary file (if it is still there) and forgets it. */
export async function dropTemp(temp: string): Promise<void> {
  await rm(temp, { force: true });
  live.delete(temp);
}

/** Renames a temporary file into place; the name is no longer a temporary one afterwards. */
export async function placeTemp(temp: string, target: string): Promise<void> {
  await rename(temp, target);
  live.delete(temp);
}

/**
 * Writes a new file without ever replacing one: the text goes to a
 * temporary file beside the target, which is then hard-linked into place
 * (atomic, and it fails if the target exists, even when another process
 * creates it meanwhile). A reader never sees a half-written file, and on
 * any failure the temporary file is removed.
 */
export async function writeNewFile(target: string, text: string | Uint8Array): Promise<void> {
  const temp = await tempBeside(target, text);
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await dropTemp(temp);
      throw new FileExistsError(target);
    }
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
      // A file system without hard links: rename, after making sure there is nothing to replace.
      try {
        await writeFile(target, '', { flag: 'wx' });
      } catch (e) {
        await dropTemp(temp);
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(target);
        throw e;
      }
      try {
        await placeTemp(temp, target);
      } catch (e) {
        await rm(target, { force: true });
        await dropTemp(temp);
        throw e;
      }
      return;
    }
    await dropTemp(temp);
    throw error;
  }
  await dropTemp(temp);
}

/**
 * Replaces a file kd owns (a generated register) atomically: a reader sees
 * the old text or the new, never half of one.
 */
export async function replaceFile(target: string, text: string | Uint8Array): Promise<void> {
  const temp = await tempBeside(target, text);
  await placeTemp(temp, target).catch(async (error: unknown) => {
    await dropTemp(temp);
    throw error;
  });
}

/**
 * `replaceFile`, synchronously, for a writer of thousands of files (a
 * site): its folder is made only when `folders` has not seen it yet, and
 * no file waits its turn in the thread pool.
 */
export function replaceFileSync(target: string, bytes: Uint8Array, folders: Set<string>): void {
  const dir = path.dirname(target);
  if (!folders.has(dir)) {
    mkdirSync(dir, { recursive: true });
    folders.add(dir);
  }
  const temp = tempFor(target);
  live.add(temp);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    live.delete(temp);
  }
}

/** The text written to a temporary file in the target's folder (made if need be), ready to be put in place. */
async function tempBeside(target: string, text: string | Uint8Array): Promise<string> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = tempFor(target);
  await writeTemp(temp, text);
  return temp;
}
