import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { exists } from './read.js';
import { replaceFile, writeNewFile } from './write.js';

/**
 * Several writes that succeed or fail together. Each write is itself
 * atomic (temporary file, then link or rename); if a later one fails, the
 * files created are removed and the files replaced get their old bytes
 * back, so the archive is left as it was.
 */
export class Transaction {
  private readonly created: string[] = [];
  private readonly replaced = new Map<string, Buffer | undefined>();
  /** Folders that did not exist before this transaction, outermost first. */
  private readonly folders: string[] = [];

  /** A new file; fails with FileExistsError rather than replace anything. */
  async create(target: string, text: string): Promise<void> {
    await this.noteFolders(target);
    await writeNewFile(target, text);
    this.created.push(target);
  }

  /** A file kd owns, replaced (or created). */
  async replace(target: string, text: string | Uint8Array): Promise<void> {
    await this.noteFolders(target);
    if (!this.replaced.has(target)) this.replaced.set(target, await readFile(target).catch(() => undefined));
    await replaceFile(target, text);
  }

  private async noteFolders(target: string): Promise<void> {
    let dir = path.dirname(target);
    let outermost: string | undefined;
    while (!(await exists(dir))) {
      outermost = dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    if (outermost !== undefined && !this.folders.some((f) => outermost === f || outermost.startsWith(f + path.sep))) this.folders.push(outermost);
  }

  async rollback(): Promise<void> {
    for (const file of this.created.reverse()) await rm(file, { force: true });
    for (const [file, old] of this.replaced) {
      if (old === undefined) await rm(file, { force: true });
      else await replaceFile(file, old);
    }
    for (const dir of this.folders) await rm(dir, { recursive: true, force: true });
  }

  /** Runs `work`; on any failure undoes what it wrote and rethrows. */
  static async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = new Transaction();
    try {
      return await work(tx);
    } catch (error) {
      await tx.rollback().catch(() => {});
      throw error;
    }
  }
}
