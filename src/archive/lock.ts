import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync, unlinkSync } from 'node:fs';
import { type FileHandle, link, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KdError } from '../core/errors.js';
import { catalogue, type Lang } from '../i18n/index.js';
import { isLiveTemp, tempFor, tempOwner } from './write.js';

/**
 * The archive lock: `.kd.lock` in the archive root, made with O_EXCL and
 * holding the owner's pid, host and start time. Every command that writes
 * into the archive holds it while it writes, so two writers never
 * interleave; read-only commands never take it.
 *
 * A lock is stale, and is taken over with a notice, when its process is
 * gone (same host, `kill(pid, 0)` says ESRCH), when it is older than
 * STALE_AFTER_MS (a kd run takes seconds), or when it cannot be read and
 * is older than a few seconds (a run that died between making and filling
 * it). Held by a live run, it is waited for (KD_LOCK_WAIT_MS, 10 s by
 * default, with backoff) and then kd stops with a sentence naming the
 * holder. Whoever takes the lock also removes the temporary files dead
 * runs left in the archive.
 */

export const LOCK_FILE = '.kd.lock';

/** Past this a lock is stale whatever its process seems to be: no kd run holds the archive for an hour. */
export const STALE_AFTER_MS = 60 * 60 * 1000;
/** A lock file that cannot be read yet is being written; past this it never will be. */
const UNREADABLE_GRACE_MS = 5_000;
const DEFAULT_WAIT_MS = 10_000;
const FIRST_DELAY_MS = 20;
const MAX_DELAY_MS = 500;

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

export interface LockOptions {
  /** The archive root. */
  root: string;
  /** The language of the notice and the error. */
  lang?: Lang | undefined;
  io?: {
    /** For showing the lock file's path as the user typed paths. */
    cwd?: string;
    /** KD_LOCK_WAIT_MS: how long to wait for another run, in milliseconds. */
    env?: Record<string, string | undefined>;
    /** Where the notice about a stale lock is said. */
    stderr?: { write(chunk: string): unknown };
  };
}

export interface ArchiveLock {
  readonly file: string;
  release(): Promise<void>;
}

/** Lock files this process holds, with the exact text it wrote into each. */
const held = new Map<string, string>();
/** The lock files held by the code now running (withArchiveLock), so that a Transaction.run inside it does not wait for itself. */
const holding = new AsyncLocalStorage<ReadonlySet<string>>();

// --- Interruption -----------------------------------------------------------

let interruptedBy: NodeJS.Signals | undefined;
let guards = 0;
const sleepers = new Set<() => void>();

function onSignal(signal: NodeJS.Signals): void {
  if (interruptedBy !== undefined) {
    // A second signal: the user will not wait for the rollback. Free the lock and go.
    releaseAllSync();
    unguard(true);
    process.kill(process.pid, signal);
    return;
  }
  interruptedBy = signal;
  for (const wake of sleepers) wake();
}

function releaseAllSync(): void {
  for (const [file, text] of held) {
    try {
      if (readFileSync(file, 'utf8') === text) unlinkSync(file);
    } catch {
      // Gone already, or not ours any more.
    }
  }
  held.clear();
}

/**
 * While a write runs, SIGINT and SIGTERM do not kill kd mid-write: they
 * are noted, the write stops at its next step (`throwIfInterrupted`), is
 * undone, and the lock is released. A second signal exits at once, after
 * removing the lock. On any exit the lock is removed too.
 */
export function guardSignals(): () => void {
  if (guards++ === 0) {
    interruptedBy = undefined;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('exit', releaseAllSync);
  }
  return () => unguard(false);
}

function unguard(all: boolean): void {
  guards = all ? 0 : Math.max(0, guards - 1);
  if (guards === 0) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', releaseAllSync);
  }
}

/** Stops a write that a signal has interrupted: a KdError, so kd says so in one sentence after undoing it. */
export function throwIfInterrupted(): void {
  if (interruptedBy !== undefined) throw new KdError('interrupted', { signal: interruptedBy });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      sleepers.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    sleepers.add(wake);
  });
}

// --- The lock ---------------------------------------------------------------

/** True unless this host says there is no such process (EPERM: there is one, someone else's). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.started === 'string') {
      return { pid: data.pid, host: data.host, started: data.started };
    }
  } catch {
    // Not (yet) a holder.
  }
  return undefined;
}

interface Seen {
  text: string;
  holder: LockHolder | undefined;
  mtimeMs: number;
}

async function readLock(file: string): Promise<Seen | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { text, holder: parseHolder(text), mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether a lock seen on disk can be taken over. */
function isStale(file: string, seen: Seen, now: number): boolean {
  const { holder } = seen;
  if (!holder) return now - seen.mtimeMs > UNREADABLE_GRACE_MS;
  const started = Date.parse(holder.started);
  if (now - (Number.isNaN(started) ? seen.mtimeMs : started) > STALE_AFTER_MS) return true;
  if (holder.host !== os.hostname()) return false;
  // Our own pid: held by another task of this process, or left by an earlier process that had our pid.
  if (holder.pid === process.pid) return held.get(file) !== seen.text;
  return !processAlive(holder.pid);
}

/**
 * Removes a stale lock, but only the one judged: it is moved aside first
 * and compared, so that a lock another run has just taken in its place is
 * put back rather than deleted.
 */
async function takeOver(file: string, seen: Seen): Promise<boolean> {
  const aside = tempFor(file);
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== seen.text) await link(aside, file).catch(() => {});
  await rm(aside, { force: true });
  return moved === seen.text;
}

function waitMs(env: Record<string, string | undefined>): number {
  const given = env.KD_LOCK_WAIT_MS;
  if (given !== undefined && /^\d+$/.test(given.trim())) return Number(given.trim());
  return DEFAULT_WAIT_MS;
}

/** Takes the archive lock, waiting a bounded time for another run; see the top of this file. */
export async function lockArchive(opts: LockOptions): Promise<ArchiveLock> {
  const file = path.join(path.resolve(opts.root), LOCK_FILE);
  const env = opts.io?.env ?? process.env;
  const lang = opts.lang ?? 'sv';
  const shown = opts.io?.cwd !== undefined ? path.relative(opts.io.cwd, file) || LOCK_FILE : file;
  if (holding.getStore()?.has(file)) return { file, release: async () => {} };
  const deadline = Date.now() + waitMs(env);
  let delay = FIRST_DELAY_MS;
  for (;;) {
    throwIfInterrupted();
    const text = `${JSON.stringify({ pid: process.pid, host: os.hostname(), started: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } satisfies LockHolder)}\n`;
    if (await create(file, text)) {
      held.set(file, text);
      await sweepLeftovers(path.dirname(file)).catch(() => {});
      return { file, release: () => release(file, text) };
    }
    const seen = await readLock(file);
    if (seen === undefined) continue;
    if (isStale(file, seen, Date.now())) {
      if (await takeOver(file, seen)) {
        const h = seen.holder;
        const say = opts.io?.stderr ?? process.stderr;
        say.write(
          `kd: ${catalogue(lang).ui.lock.staleTaken({ file: shown, pid: h?.pid ?? '?', host: h?.host ?? '?', started: h?.started ?? '?' })}\n`,
        );
      }
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const h = seen.holder;
      throw new KdError('archive-locked', { file: shown, pid: h?.pid ?? '?', host: h?.host ?? '?', started: h?.started ?? '?' });
    }
    await sleep(Math.min(delay, left) * (0.75 + Math.random() / 2));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

/**
 * Runs `work` holding the archive lock, with signals guarded as in a
 * transaction. For a command that must read the archive and write from
 * what it read without another run writing in between (numbering a new
 * protocol, adding to people.yml): a `Transaction.run` with the same root
 * inside `work` uses this lock rather than wait for it.
 */
export async function withArchiveLock<T>(opts: LockOptions, work: () => Promise<T>): Promise<T> {
  const unguard = guardSignals();
  try {
    const lock = await lockArchive(opts);
    try {
      return await holding.run(new Set([...(holding.getStore() ?? []), lock.file]), work);
    } finally {
      await lock.release();
    }
  } finally {
    unguard();
  }
}

/** Makes the lock file if there is none (O_CREAT | O_EXCL); false when one exists. */
async function create(file: string, text: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(file, { force: true });
    throw error;
  }
  return true;
}

/** Removes the lock if it is still the one this run wrote. */
async function release(file: string, text: string): Promise<void> {
  if (held.get(file) !== text) return;
  held.delete(file);
  const now = await readFile(file, 'utf8').catch(() => undefined);
  if (now === text) await rm(file, { force: true });
}

/**
 * Removes what dead runs left in the archive: temporary files
 * (`.kd-tmp-<pid>-…`) whose process is gone, or is this one but did not
 * make them, or which are older than any run. Called only with the lock
 * held, so no other kd is writing here; .git and node_modules are not entered.
 */
export async function sweepLeftovers(root: string): Promise<string[]> {
  const removed: string[] = [];
  const now = Date.now();
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== 'node_modules') await walk(p);
        continue;
      }
      const pid = tempOwner(entry.name);
      if (pid === undefined || !entry.isFile()) continue;
      const mine = pid === process.pid;
      if (
        mine
          ? isLiveTemp(p)
          : processAlive(pid) &&
            now -
              (await stat(p).then(
                (s) => s.mtimeMs,
                () => now,
              )) <
              STALE_AFTER_MS
      )
        continue;
      await rm(p, { force: true });
      removed.push(p);
    }
  };
  await walk(root);
  return removed;
}
