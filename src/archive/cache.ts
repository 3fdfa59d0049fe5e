import { createHash, randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, rm, statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILE_KINDS, type FileKind } from '../core/kinds.js';
import { catalogue, formatMessage, isLang, type Lang } from '../i18n/index.js';
import type { FileRecord } from '../model/file.js';

/**
 * A content-hash cache of per-file records, which can cost time but never
 * correctness.
 *
 * A record is a pure function of (kd's code, kind, path, bytes). Every entry
 * is filed under the hash of exactly those inputs and carries a checksum
 * that binds its record to that hash, and it is used only when the hash
 * recomputed from the current bytes finds it, the checksum holds, the record
 * names the same path and kind, and its shape (findings, YAML span, sections,
 * data) is what `processFile` makes. Anything else — another file's entry,
 * another version of this file, another kd, a truncated or damaged line — is
 * ignored and the file is read afresh. The cross-file rules always run on the
 * current records.
 *
 * The cache is trusted as far as kd's own code is: an entry written on
 * purpose for exactly these bytes cannot be told from one kd wrote. So the
 * file must be a regular file, at most MAX_CACHE_BYTES, owned by the user, in
 * a real directory (no /proc, no FIFO, no device) owned by the user and not
 * writable by everyone without the sticky bit; otherwise the cache is not
 * used, with one notice. Special files are never opened: lstat first, then
 * open with O_NOFOLLOW | O_NONBLOCK and check the descriptor again. In CI,
 * only runs of the protected branch should save the cache (README).
 *
 * Where: KD_CACHE_DIR, else ~/.cache/kd (XDG_CACHE_HOME honoured); one file
 * per archive. KD_CACHE=off turns it off.
 */

export interface CacheSettings {
  dir: string;
  /** The language of the one notice (KD_LANG, else Swedish). */
  lang: Lang;
}

/** Raised whenever the layout of the file or of a record changes. */
const FORMAT = 4;
const MAGIC = 'kd-cache';
/** A cache file larger than this is not read (and not written): about 60,000 protocols. */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/** How much of the cache file is written at a time. */
const WRITE_CHUNK = 1024 * 1024;

export function cacheSettings(env: Record<string, string | undefined>): CacheSettings | undefined {
  if (env.KD_CACHE === 'off' || env.KD_CACHE === '0') return undefined;
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  const dir = env.KD_CACHE_DIR ? path.resolve(env.KD_CACHE_DIR) : path.join(xdg, 'kd');
  return { dir, lang: isLang(env.KD_LANG) ? env.KD_LANG : 'sv' };
}

// --- What the records depend on besides the files ----------------------------

/** Packages whose behaviour decides a record: YAML parsing, schemas, the Markdown outline. */
const DEPENDENCIES = ['yaml', 'zod', 'remark-parse', 'unified', 'micromark', 'mdast-util-from-markdown'];

let codeFingerprint: Promise<string> | undefined;
/** The hash of kd's code that makes records (core/, i18n/, archive/, schema/, model/), its version, its parsers' versions and Node's. */
function fingerprint(): Promise<string> {
  codeFingerprint ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const src = path.dirname(here);
    const top = path.dirname(src);
    const hash = createHash('sha256').update(`${MAGIC} ${FORMAT} ${process.version}\0`);
    // core/ holds the rules' definitions (a message's severity) and i18n/ the expectation names the schema reports by.
    for (const dir of ['core', 'i18n', 'archive', 'schema', 'model']) {
      for (const name of (await readdir(path.join(src, dir))).sort()) {
        if (!/\.(js|ts)$/.test(name)) continue;
        hash
          .update(`${dir}/${name}\0`)
          .update(await readFile(path.join(src, dir, name)))
          .update('\0');
      }
    }
    const version = async (file: string) => {
      try {
        return String((JSON.parse(await readFile(file, 'utf8')) as { version?: unknown }).version);
      } catch {
        return undefined;
      }
    };
    hash.update(`kd ${await version(path.join(top, 'package.json'))}\0`);
    for (const dep of DEPENDENCIES) {
      let found: string | undefined;
      for (let dir = top; found === undefined; dir = path.dirname(dir)) {
        found = await version(path.join(dir, 'node_modules', dep, 'package.json'));
        if (path.dirname(dir) === dir) break;
      }
      hash.update(`${dep} ${found}\0`);
    }
    return hash.digest('hex');
  })();
  return codeFingerprint;
}

/** The hash of exactly the inputs a record is computed from. */
export function inputHash(code: string, kind: string, file: string, bytes: Uint8Array): string {
  return createHash('sha256')
    .update(code)
    .update('\0')
    .update(kind)
    .update('\0')
    .update(file)
    .update('\0')
    .update(bytes)
    .digest('base64url');
}

/** Binds a record's text to the hash it is filed under. */
function checksum(key: string, json: string): string {
  return createHash('sha256').update(key).update('\t').update(json).digest('base64url').slice(0, 22);
}

/** One line of the cache file: `<input hash> TAB <checksum> TAB <record JSON>`. */
export function entryLine(key: string, json: string): string {
  return `${key}\t${checksum(key, json)}\t${json}`;
}

// --- The shape of a record ----------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const onlyKeys = (o: Record<string, unknown>, allowed: ReadonlySet<string>) => Object.keys(o).every((k) => allowed.has(k));

const RECORD_KEYS = new Set(['path', 'kind', 'data', 'yaml', 'sections', 'findings']);
const SECTION_KEYS = new Set(['no', 'title', 'heading', 'line', 'column']);
const FINDING_KEYS = new Set(['rule', 'severity', 'file', 'line', 'column', 'path', 'message']);
const MESSAGE_KEYS = new Set(['key', 'data']);

/**
 * The record in a cache entry when it has the shape `processFile` gives for
 * this kind and path, else undefined: no key it does not make, a YAML span and
 * sections of whole numbers, findings about this file only, each with a
 * message the catalogue has and can word in both languages.
 */
export function recordOf(value: unknown, kind: FileKind, file: string): FileRecord | undefined {
  if (!isObject(value) || !onlyKeys(value, RECORD_KEYS)) return undefined;
  if (value.path !== file || value.kind !== kind || !FILE_KINDS.includes(kind)) return undefined;
  const { yaml, sections, findings } = value;
  if (yaml !== undefined && !(Array.isArray(yaml) && yaml.length === 3 && yaml.every(isCount) && yaml[0]! <= yaml[1]!)) return undefined;
  if (!Array.isArray(sections) || (kind !== 'protocol' && sections.length > 0)) return undefined;
  for (const s of sections as unknown[]) {
    if (!isObject(s) || !onlyKeys(s, SECTION_KEYS)) return undefined;
    if (!isCount(s.no) || !isCount(s.line) || !isCount(s.column) || typeof s.title !== 'string' || typeof s.heading !== 'string')
      return undefined;
  }
  if (!Array.isArray(findings)) return undefined;
  const messages = catalogue('sv').messages;
  for (const f of findings as unknown[]) {
    if (!isObject(f) || !onlyKeys(f, FINDING_KEYS)) return undefined;
    if (typeof f.rule !== 'string' || (f.severity !== 'error' && f.severity !== 'warning') || f.file !== file) return undefined;
    if (!isCount(f.line) || !isCount(f.column) || (f.path !== undefined && typeof f.path !== 'string')) return undefined;
    const m = f.message;
    if (!isObject(m) || !onlyKeys(m, MESSAGE_KEYS) || typeof m.key !== 'string' || !Object.hasOwn(messages, m.key) || !isObject(m.data))
      return undefined;
    try {
      for (const lang of ['sv', 'en'] as const)
        if (typeof formatMessage(lang, m as Parameters<typeof formatMessage>[1]) !== 'string') return undefined;
    } catch {
      return undefined;
    }
  }
  // Every kind's schema makes a mapping. The data is not run through the schema
  // again: that would cost a quarter of a warm run, and could only catch an
  // entry forged on purpose with both of its hashes right, which is trusted anyway.
  if ('data' in value && !isObject(value.data)) return undefined;
  return value as unknown as FileRecord;
}

// --- Where the cache may live --------------------------------------------------

export type CacheRefusal = 'not-dir' | 'special' | 'owner' | 'writable' | 'not-file' | 'too-large';

/** File systems of the kernel's own (proc, sysfs, devpts, cgroup, debugfs, …): never a cache, whatever their modes say. */
const SPECIAL_FS = new Set([
  0x9fa0, 0x62656572, 0x1cd1, 0x27e0eb, 0x63677270, 0x64626720, 0x74726163, 0x73636673, 0xcafe4a11, 0x6165676c, 0x62656570, 0x65735543,
  0xf97cff8c, 0xde5e81e4, 0x42494e4d, 0x19800202,
]);

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;

/** Owned by this user, and not a place everyone may write without the sticky bit. */
function ownRefusal(info: Stats): CacheRefusal | undefined {
  if (uid === undefined) return undefined;
  if (info.uid !== uid) return 'owner';
  if ((info.mode & 0o002) !== 0 && (info.mode & 0o1000) === 0) return 'writable';
  return undefined;
}

/** Why `dir` cannot hold the cache; 'missing' when it does not exist yet; undefined when it can. */
async function dirRefusal(dir: string): Promise<CacheRefusal | 'missing' | undefined> {
  let real: string;
  let info: Stats;
  try {
    // A link to a directory (a ~/.cache on another disk) is fine; what it leads to is checked.
    real = await realpath(dir);
    info = await lstat(real);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'not-dir';
  }
  if (!info.isDirectory()) return 'not-dir';
  if (process.platform === 'linux') {
    try {
      if (SPECIAL_FS.has((await statfs(real)).type >>> 0)) return 'special';
    } catch {
      return 'not-dir';
    }
  }
  return ownRefusal(info);
}

/** Reads the cache file, or says why not; never opens anything but a regular file, never reads past the cap. */
async function readCacheFile(file: string): Promise<{ text?: string; refusal?: CacheRefusal }> {
  let before: Stats;
  try {
    before = await lstat(file);
  } catch {
    return {};
  }
  if (!before.isFile()) return { refusal: 'not-file' };
  const own = ownRefusal(before);
  if (own) return { refusal: own };
  if (before.size > MAX_CACHE_BYTES) return { refusal: 'too-large' };
  try {
    const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      // The same file lstat saw: nothing swapped in between.
      if (!info.isFile() || info.ino !== before.ino || info.dev !== before.dev) return { refusal: 'not-file' };
      if (info.size > MAX_CACHE_BYTES) return { refusal: 'too-large' };
      const buffer = Buffer.alloc(info.size);
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return { text: buffer.toString('utf8', 0, filled) };
    } finally {
      await handle.close();
    }
  } catch {
    return {};
  }
}

/**
 * Replaces the cache file atomically (temporary file, then rename), readable
 * by this user only. Written a megabyte at a time: the whole file as one
 * string and one buffer would cost twice its size in memory at the end of
 * a run that already holds every record.
 */
async function writeCacheFile(file: string, lines: Iterable<string>): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      // A write may take less than it is given: the rest is written after it.
      const writeAll = async (text: string) => {
        const bytes = Buffer.from(text);
        for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
      };
      let chunk: string[] = [];
      let size = 0;
      for (const line of lines) {
        chunk.push(line, '\n');
        size += line.length + 1;
        if (size >= WRITE_CHUNK) {
          await writeAll(chunk.join(''));
          chunk = [];
          size = 0;
        }
      }
      await writeAll(chunk.join(''));
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

// --- The cache -----------------------------------------------------------------

/** What the last opened cache did: for tests and for anyone asking why a run was slow. */
export interface CacheStats {
  /** The cache file, when the cache could be used at all. */
  file?: string;
  /** Entries reused. */
  hits: number;
  /** Files with no entry. */
  misses: number;
  /** Entries found under a file's hash but not trusted (checksum, path, kind or shape). */
  rejected: number;
  /** Why the cache was not used, when it was not. */
  refusal?: CacheRefusal;
  /** Whether save() wrote the file. */
  written: boolean;
}

let last: CacheStats | undefined;
export function lastCacheStats(): CacheStats | undefined {
  return last;
}

/** One notice per process at most: the cache only costs time, so it is no reason to say more. */
let noticed = false;
function notice(settings: CacheSettings, where: string, why: CacheRefusal): void {
  if (noticed) return;
  noticed = true;
  const c = catalogue(settings.lang).ui.cache;
  process.stderr.write(`kd: ${c.ignored({ path: where, why: c.why[why] })}\n`);
}

export interface Cache {
  /** The record for this file: the cached one when it is trusted, else `compute()`'s (which is kept). */
  record(kind: FileKind, file: string, bytes: Uint8Array, compute: () => FileRecord): FileRecord;
  save(): Promise<void>;
}

/**
 * A record as JSON makes it again: its strings are its own. The strings a
 * record is made with are mostly slices of its file's text, and a slice
 * keeps the whole text alive: 66 of 158 MB at 10,000 protocols. A record
 * from the cache is made from JSON anyway, so both ways give the same.
 */
const detached = (json: string): FileRecord => JSON.parse(json) as FileRecord;

const NO_CACHE: Cache = { record: (_k, _f, _b, compute) => detached(JSON.stringify(compute())), save: async () => {} };

export async function openCache(settings: CacheSettings | undefined, root: string): Promise<Cache> {
  if (!settings) return NO_CACHE;
  const stats: CacheStats = { hits: 0, misses: 0, rejected: 0, written: false };
  last = stats;
  const refuse = (where: string, why: CacheRefusal): Cache => {
    stats.refusal = why;
    notice(settings, where, why);
    return NO_CACHE;
  };
  const dirState = await dirRefusal(settings.dir);
  if (dirState !== undefined && dirState !== 'missing') return refuse(settings.dir, dirState);
  const [code, name] = [await fingerprint(), createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24)];
  const file = path.join(settings.dir, `${name}.kdcache`);
  stats.file = file;

  // Lines of `<input hash> TAB <checksum> TAB <record JSON>` after a header naming the format and the code.
  const lines = new Map<string, string>();
  let clean = dirState === undefined;
  if (dirState === undefined) {
    const read = await readCacheFile(file);
    if (read.refusal) return refuse(file, read.refusal);
    if (read.text !== undefined) {
      const all = read.text.split('\n');
      if (all[0] === `${MAGIC}\t${FORMAT}\t${code}`) {
        for (let i = 1; i < all.length; i++) {
          const line = all[i]!;
          const tab = line.indexOf('\t');
          if (tab > 0) lines.set(line.slice(0, tab), line);
          else if (line !== '' || i !== all.length - 1) clean = false;
        }
        if (!read.text.endsWith('\n')) clean = false;
      } else clean = false;
    }
  }

  const kept = new Map<string, string>();
  // The bytes of the lines this run would write; past MAX_CACHE_BYTES it writes none.
  let size = 0;
  const keep = (key: string, line: string) => {
    size += line.length + 1;
    if (size <= MAX_CACHE_BYTES) kept.set(key, line);
    else kept.clear();
  };
  return {
    record(kind, rel, bytes, compute) {
      const key = inputHash(code, kind, rel, bytes);
      const line = lines.get(key);
      if (line !== undefined) {
        const sumAt = key.length + 1;
        const jsonAt = line.indexOf('\t', sumAt) + 1;
        const json = jsonAt > 0 ? line.slice(jsonAt) : '';
        let record: FileRecord | undefined;
        if (jsonAt > 0 && line.slice(sumAt, jsonAt - 1) === checksum(key, json)) {
          try {
            record = recordOf(JSON.parse(json), kind, rel);
          } catch {
            record = undefined;
          }
        }
        if (record) {
          stats.hits++;
          keep(key, line);
          return record;
        }
        stats.rejected++;
      } else stats.misses++;
      const json = JSON.stringify(compute());
      // Past the cap the file would not be written: its lines are not kept (400 MB at 100,000 protocols).
      if (size <= MAX_CACHE_BYTES) keep(key, entryLine(key, json));
      return detached(json);
    },
    async save() {
      // Only what this run used is kept: deleted files and old versions drop out.
      if (size > MAX_CACHE_BYTES) return;
      if (clean && stats.misses === 0 && stats.rejected === 0 && kept.size === lines.size) return;
      try {
        await mkdir(settings.dir, { recursive: true, mode: 0o700 });
        if ((await dirRefusal(settings.dir)) !== undefined) return;
        await writeCacheFile(file, [`${MAGIC}\t${FORMAT}\t${code}`, ...kept.values()]);
        stats.written = true;
        // The previous format's file for this archive, if one is left.
        const old = path.join(settings.dir, `${createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 16)}.v8`);
        const info = await lstat(old).catch(() => undefined);
        if (info?.isFile()) await rm(old, { force: true });
      } catch {
        // A cache that cannot be written only costs time next run.
      }
    },
  };
}
