import { lstat, realpath } from 'node:fs/promises';
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
    real = await realpath(root);
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
export async function resolveInside(root: string, rel: string): Promise<string | undefined> {
  if (rel.split('/').some((part) => part === '..' || part.includes('\0')) || path.isAbsolute(rel)) return undefined;
  const top = await realRoot(root);
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  let current = top;
  for (let i = 0; i < parts.length; i++) {
    const next = path.join(current, parts[i]!);
    const info = await lstat(next).catch(() => undefined);
    if (!info) return path.join(next, ...parts.slice(i + 1));
    if (info.isSymbolicLink()) {
      const target = await realpath(next).catch(() => undefined);
      if (target === undefined || !isInside(top, target)) return undefined;
      current = target;
    } else current = next;
  }
  return current;
}

/** Like `resolveInside`, but a path outside the archive is a failure kd cannot run past (exit 2). */
export async function archivePath(root: string, rel: string): Promise<string> {
  const resolved = await resolveInside(root, rel);
  if (resolved === undefined) throw new KdError('path-outside', { path: rel });
  return resolved;
}
