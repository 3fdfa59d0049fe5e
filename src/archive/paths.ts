import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { KdError } from '../core/errors.js';

/**
 * The one place where a path in the archive becomes a path on disk. Every
 * file kd reads from the archive, every folder it walks and every file it
 * writes into it goes through here: symbolic links are followed, and a path
 * that ends outside the archive's root (a `protocols -> /etc`, an `index`
 * linked elsewhere, a template linked to a secret) is refused.
 */

const realRoots = new Map<string, string>();

/** The archive root with its own links resolved, once per root. */
export async function realRoot(root: string): Promise<string> {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync(root);
    realRoots.set(root, real);
  }
  return real;
}

export function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * Where an archive-relative path really leads, or undefined when it leads
 * outside the archive. Components that do not exist yet are fine (a write
 * creates them inside whatever exists); every existing one is resolved.
 */
export async function resolveInside(root: string, rel: string, folders?: FolderCache): Promise<string | undefined> {
  return resolveInsideReal(await realRoot(root), rel, folders);
}

/** `resolveInside` for an archive whose root is already resolved (`realRoot`). */
export function resolveInsideReal(top: string, rel: string, folders?: FolderCache): string | undefined {
  if (rel.split('/').some((part) => part === '..' || part.includes('\0')) || path.isAbsolute(rel)) return undefined;
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  let current = top;
  let i = 0;
  // The deepest folder of the path already resolved by this reader: a site reads ten thousand files from a few hundred folders.
  for (let k = parts.length - 1; folders !== undefined && k > 0; k--) {
    const known = folders.get(`${top}\0${parts.slice(0, k).join('/')}`);
    if (known !== undefined) {
      current = known;
      i = k;
      break;
    }
  }
  for (; i < parts.length; i++) {
    const next = path.join(current, parts[i]!);
    const info = lstatOrUndefined(next);
    if (!info) return path.join(next, ...parts.slice(i + 1));
    if (info.isSymbolicLink()) {
      const target = realpathOrUndefined(next);
      if (target === undefined || !isInside(top, target)) return undefined;
      current = target;
    } else current = next;
    if (i < parts.length - 1) folders?.set(`${top}\0${parts.slice(0, i + 1).join('/')}`, current);
  }
  return current;
}

/*
 * The file system is asked synchronously: a command reads thousands of
 * small files one after another, and each call through the thread pool
 * costs more than the call itself.
 */
function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Folders of an archive resolved to where they lead, by their path from its
 * root: kept by one reader of many files for as long as it reads, never
 * across commands, so a folder changed into a link later is seen as one.
 */
export type FolderCache = Map<string, string>;

/** Like `resolveInside`, but a path outside the archive is a failure kd cannot run past (exit 2). */
export async function archivePath(root: string, rel: string, folders?: FolderCache): Promise<string> {
  const resolved = await resolveInside(root, rel, folders);
  if (resolved === undefined) throw new KdError('path-outside', { path: rel });
  return resolved;
}
