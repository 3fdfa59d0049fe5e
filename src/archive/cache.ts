import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { replaceFile } from './write.js';

/**
 * A content-hash cache of per-file records. A record is a pure function of
 * (path, kind, bytes) and of kd's own code, so an entry is reused only when
 * all of those are the same; the cross-file rules always run on the
 * current records, so a cached entry can never hide a finding.
 *
 * Where: KD_CACHE_DIR, else ~/.cache/kd (XDG_CACHE_HOME honoured); one file
 * per archive. KD_CACHE=off turns it off. CI can keep KD_CACHE_DIR between runs.
 */

export interface CacheSettings {
  dir: string;
}

const FORMAT = 1;

export function cacheSettings(env: Record<string, string | undefined>): CacheSettings | undefined {
  if (env.KD_CACHE === 'off' || env.KD_CACHE === '0') return undefined;
  const base = env.KD_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'kd');
  return { dir: base };
}

/** What the records depend on besides the files: the code that makes them. */
let codeFingerprint: Promise<string> | undefined;
function fingerprint(): Promise<string> {
  codeFingerprint ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const src = path.dirname(here);
    const parts: string[] = [String(FORMAT)];
    for (const dir of ['archive', 'schema', 'model']) {
      const { readdir } = await import('node:fs/promises');
      for (const name of (await readdir(path.join(src, dir))).sort()) {
        const info = await stat(path.join(src, dir, name));
        parts.push(`${dir}/${name}:${info.size}:${info.mtimeMs}`);
      }
    }
    return createHash('sha1').update(parts.join('\n')).digest('hex');
  })();
  return codeFingerprint;
}

export interface Cache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  save(): Promise<void>;
}

export function hashOf(kind: string, file: string, bytes: Uint8Array): string {
  return createHash('sha1').update(kind).update('\0').update(file).update('\0').update(bytes).digest('base64');
}

export async function openCache<T>(settings: CacheSettings | undefined, root: string): Promise<Cache<T>> {
  if (!settings) return { get: () => undefined, set: () => {}, save: async () => {} };
  const code = await fingerprint();
  const file = path.join(settings.dir, `${createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 16)}.v8`);
  let entries = new Map<string, T>();
  try {
    const data = deserialize(await readFile(file)) as { code: string; entries: Map<string, T> };
    if (data.code === code && data.entries instanceof Map) entries = data.entries;
  } catch {
    // No cache yet, or one that cannot be read: start empty.
  }
  const used = new Map<string, T>();
  let changed = false;
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit !== undefined) used.set(key, hit);
      return hit;
    },
    set(key, value) {
      used.set(key, value);
      changed = true;
    },
    async save() {
      // Only what this run used is kept: deleted and old versions drop out.
      if (!changed && used.size === entries.size) return;
      try {
        const { mkdir } = await import('node:fs/promises');
        await mkdir(settings.dir, { recursive: true });
        await replaceFile(file, serialize({ code, entries: used }));
      } catch {
        // A cache that cannot be written only costs time next run.
      }
    },
  };
}
