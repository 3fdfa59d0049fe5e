import { mkdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { guardSignals, type LockOptions, lockArchive, throwIfInterrupted } from './lock.js';
import { dropTemp, placeTemp, replaceFile, tempFor, writeNewFile, writeTemp } from './write.js';

export type { LockOptions } from './lock.js';

/**
 * Several writes that succeed or fail together. Each write is itself
 * atomic (temporary file, then link or rename); if a later one fails, the
 * files created are removed and the files replaced get their old bytes
 * back, so the archive is left as it was.
 *
 * Rollback undoes only what this run did: the files it linked or renamed
 * into place, and the folders its own mkdir made, each removed only if it
 * is empty by then (rmdir, never a recursive remove), so a file another
 * run put there meanwhile stays.
 *
 * Run with a lock (`Transaction.run(work, { root })`) the whole run holds
 * the archive lock (see lock.ts): another kd that writes waits for it.
 */
export class Transaction {
  private readonly created: string[] = [];
  /** Files this run put in place with replace, and their bytes before (undefined: there was no file). */
  private readonly replaced = new Map<string, Buffer | undefined>();
  /** Folders this run's mkdir made, in the order it made them. */
  private readonly folders: string[] = [];
  private renames = 0;

  /** A new file; fails with FileExistsError rather than replace anything. */
  async create(target: string, text: string | Uint8Array): Promise<void> {
    throwIfInterrupted();
    await this.makeFolder(path.dirname(target));
    await writeNewFile(target, text);
    this.created.push(target);
  }

  /** A file kd owns, replaced (or created). */
  async replace(target: string, text: string | Uint8Array): Promise<void> {
    await this.replaceAll([[target, text]]);
  }

  /**
   * Several files kd owns, replaced as nearly at once as the file system
   * allows: every new text is written to a temporary file first, and only
   * then are they renamed into place one after the other. A failure before
   * the renames changes nothing; one during them is undone by the rollback.
   */
  async replaceAll(files: Iterable<readonly [string, string | Uint8Array]>): Promise<void> {
    const staged: { target: string; temp: string; old: Buffer | undefined; placed: boolean }[] = [];
    try {
      for (const [target, text] of files) {
        throwIfInterrupted();
        await this.makeFolder(path.dirname(target));
        const old = this.replaced.has(target) ? this.replaced.get(target) : await readIfThere(target);
        const temp = tempFor(target);
        await writeTemp(temp, text);
        staged.push({ target, temp, old, placed: false });
      }
      for (const s of staged) {
        throwIfInterrupted();
        await placeTemp(s.temp, s.target);
        s.placed = true;
        if (!this.replaced.has(s.target)) this.replaced.set(s.target, s.old);
        this.afterRename();
      }
    } finally {
      for (const s of staged) if (!s.placed) await dropTemp(s.temp).catch(() => {});
    }
  }

  /** Fault injection for the tests: KD_TEST_KILL_AFTER_RENAMES=n kills the process (SIGKILL) after its n-th rename. */
  private afterRename(): void {
    this.renames++;
    const n = process.env.KD_TEST_KILL_AFTER_RENAMES;
    if (n !== undefined && Number(n) === this.renames) process.kill(process.pid, 'SIGKILL');
  }

  /** Makes a folder and any missing parents one at a time, remembering those this run's mkdir made. */
  private async makeFolder(dir: string, depth = 0): Promise<void> {
    try {
      await mkdir(dir);
      this.folders.push(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Made by someone else (or before): not this run's to remove.
      if (code === 'EEXIST') return;
      const parent = path.dirname(dir);
      if (code === 'ENOENT' && parent !== dir && depth < 64) {
        await this.makeFolder(parent, depth + 1);
        return this.makeFolder(dir, depth + 1);
      }
      throw error;
    }
  }

  /** Undoes what this run wrote, newest first; every step is tried even when one fails. */
  async rollback(): Promise<void> {
    const attempt = async (step: () => Promise<unknown>) => {
      try {
        await step();
      } catch {
        // Best effort: the rest is still undone.
      }
    };
    for (const file of [...this.created].reverse()) await attempt(() => rm(file, { force: true }));
    for (const [file, old] of [...this.replaced].reverse()) {
      await attempt(() => (old === undefined ? rm(file, { force: true }) : replaceFile(file, old)));
    }
    // Only if empty: a folder that now holds someone else's file stays, with the file.
    for (const dir of [...this.folders].reverse()) await attempt(() => rmdir(dir));
  }

  /**
   * Runs `work`; on any failure undoes what it wrote and rethrows. With
   * `lock`, holds the archive lock from before the first write until the
   * rollback (if any) is done. SIGINT/SIGTERM stop the work at its next
   * write and undo it.
   */
  static async run<T>(work: (tx: Transaction) => Promise<T>, lock?: LockOptions): Promise<T> {
    const unguard = guardSignals();
    try {
      const held = lock ? await lockArchive(lock) : undefined;
      try {
        const tx = new Transaction();
        try {
          const result = await work(tx);
          throwIfInterrupted();
          return result;
        } catch (error) {
          await tx.rollback();
          throw error;
        }
      } finally {
        await held?.release();
      }
    } finally {
      unguard();
    }
  }
}

/** A file's bytes, or undefined when there is no such file; any other failure is raised (never mistaken for "no file"). */
async function readIfThere(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
