import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, rmSync, type Stats, writeSync } from 'node:fs';
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
 * The next cache file, written as the run makes its lines: a temporary file
 * readable by this user only, renamed over the cache file at the end (never
 * a half-written cache). Lines go out a megabyte at a time, so no run holds
 * them all: they were the largest thing a cold run held after the records.
 * Each line is encoded into the buffer as it comes: kept as a string until
 * its megabyte was written, a line outlived two young-generation collections
 * and was promoted to the old one, where it lay as garbage (at 100,000
 * protocols, a third of the heap at the end of the reading).
 * Writes are synchronous, from inside `Cache.record`; any failure drops the
 * file, which only costs time next run.
 */
class CacheWriter {
  readonly temp: string;
  private fd: number | undefined;
  /** The lines not yet written, encoded; `used` bytes of it. */
  private buffer = Buffer.allocUnsafe(3 * WRITE_CHUNK);
  private used = 0;

  // A run that ends before the file is renamed (a KdError, an exit) takes its file with it.
  private readonly onExit = () => this.abort();

  constructor(readonly file: string) {
    this.temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
      process.once('exit', this.onExit);
    } catch {
      this.fd = undefined;
    }
  }

  write(line: string): void {
    if (this.fd === undefined) return;
    // A UTF-16 unit is at most three bytes of UTF-8: with that much room the whole line fits.
    const room = 3 * line.length + 1;
    if (this.used + room > this.buffer.length) {
      this.flush();
      if (room > this.buffer.length) this.buffer = Buffer.allocUnsafe(room);
    }
    this.used += this.buffer.write(line, this.used);
    this.buffer[this.used++] = 0x0a;
    if (this.used >= WRITE_CHUNK) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.used = 0;
    try {
      // A write may take less than it is given: the rest is written after it.
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    } catch {
      this.abort();
    }
  }

  /** Puts the file in place of the cache file; false when it could not. */
  async commit(): Promise<boolean> {
    this.flush();
    if (this.fd === undefined) return false;
    try {
      closeSync(this.fd);
      this.fd = undefined;
      await rename(this.temp, this.file);
      process.off('exit', this.onExit);
      return true;
    } catch {
      this.abort();
      return false;
    }
  }

  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {}
    }
    this.fd = undefined;
    this.used = 0;
    process.off('exit', this.onExit);
    try {
      rmSync(this.temp, { force: true });
    } catch {}
  }
}

/** Temporary files of this cache file left by a kd that was stopped before it renamed them (its process is gone). */
async function removeLeftovers(file: string): Promise<void> {
  const base = `.${path.basename(file)}.`;
  for (const name of await readdir(path.dirname(file)).catch(() => [] as string[])) {
    const m = name.startsWith(base) ? /^(\d+)-[0-9a-f]{12}\.tmp$/.exec(name.slice(base.length)) : null;
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') await rm(path.join(path.dirname(file), name), { force: true });
    }
  }
}

/** The name of an archive's files in the cache folder: a hash of its absolute path. */
const archiveName = (root: string) => createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24);

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

/** The longest text `sharing` looks up: longer ones (a decision's wording) are seldom said twice. */
const SHARED_MAX_CHARS = 64;

/**
 * Makes records share their equal strings, in place. JSON.parse gives every
 * string of more than a few characters a copy of its own, and a record's
 * strings are mostly said again in every protocol: a person's id, a
 * municipality, an item's title, a time, a status. At 10,000 protocols
 * 528,000 strings were 51,000 texts. One table per run of kd.
 */
function sharing(): <T>(value: T) => T {
  const table = new Map<string, string>();
  const text = (s: string): string => {
    if (s.length > SHARED_MAX_CHARS) return s;
    const known = table.get(s);
    if (known !== undefined) return known;
    table.set(s, s);
    return s;
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = walk(value[i]);
    } else {
      const o = value as Record<string, unknown>;
      for (const key in o) o[key] = walk(o[key]);
    }
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}

/**
 * A record as JSON makes it again: its strings are its own, and shared with
 * every other record's equal ones. The strings a record is made with are
 * mostly slices of its file's text, and a slice keeps the whole text alive:
 * 66 of 158 MB at 10,000 protocols. A record from the cache is made from
 * JSON anyway, so both ways give the same.
 */
const noCache = (): Cache => {
  const share = sharing();
  return { record: (_k, _f, _b, compute) => share(JSON.parse(JSON.stringify(compute())) as FileRecord), save: async () => {} };
};

export async function openCache(settings: CacheSettings | undefined, root: string): Promise<Cache> {
  if (!settings) return noCache();
  const stats: CacheStats = { hits: 0, misses: 0, rejected: 0, written: false };
  last = stats;
  const refuse = (where: string, why: CacheRefusal): Cache => {
    stats.refusal = why;
    notice(settings, where, why);
    return noCache();
  };
  const dirState = await dirRefusal(settings.dir);
  if (dirState !== undefined && dirState !== 'missing') return refuse(settings.dir, dirState);
  const code = await fingerprint();
  const header = `${MAGIC}\t${FORMAT}\t${code}`;
  const file = path.join(settings.dir, `${archiveName(root)}.kdcache`);
  stats.file = file;

  // Lines of `<input hash> TAB <checksum> TAB <record JSON>` after a header naming the format and the code.
  const lines = new Map<string, string>();
  let clean = dirState === undefined;
  if (dirState === undefined) {
    const read = await readCacheFile(file);
    if (read.refusal) return refuse(file, read.refusal);
    if (read.text !== undefined) {
      const all = read.text.split('\n');
      if (all[0] === header) {
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

  const oldCount = lines.size;
  // The directory is made, and checked again, before the first line is written into it.
  let dirReady = dirState === undefined;
  if (!dirReady) {
    try {
      await mkdir(settings.dir, { recursive: true, mode: 0o700 });
      dirReady = (await dirRefusal(settings.dir)) === undefined;
    } catch {
      dirReady = false;
    }
  }
  // The next file is started at the first line this run changes; the lines used before that wait here.
  let writer: CacheWriter | undefined;
  let waiting: string[] = [];
  // The bytes of the lines this run would write; past MAX_CACHE_BYTES it writes none.
  let size = header.length + 1;
  const startWriter = () => {
    writer = new CacheWriter(file);
    writer.write(header);
    for (const line of waiting) writer.write(line);
    waiting = [];
  };
  const keep = (line: string, changed: boolean) => {
    size += line.length + 1;
    if (size > MAX_CACHE_BYTES) {
      writer?.abort();
      waiting = [];
      return;
    }
    if (changed && writer === undefined && dirReady) startWriter();
    if (writer) writer.write(line);
    else waiting.push(line);
  };
  const share = sharing();
  return {
    record(kind, rel, bytes, compute) {
      const key = inputHash(code, kind, rel, bytes);
      const line = lines.get(key);
      if (line !== undefined) {
        // Each entry is used once (the key names the path): let it go with its line.
        lines.delete(key);
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
          share(record);
          stats.hits++;
          keep(line, false);
          return record;
        }
        stats.rejected++;
      } else stats.misses++;
      const json = JSON.stringify(compute());
      // Past the cap the file would not be written: its lines are not made (400 MB at 100,000 protocols).
      if (size <= MAX_CACHE_BYTES) keep(entryLine(key, json), true);
      return share(JSON.parse(json) as FileRecord);
    },
    async save() {
      // Only what this run used is kept: deleted files and old versions drop out.
      if (size > MAX_CACHE_BYTES || !dirReady) return;
      if (writer === undefined) {
        if (clean && stats.misses === 0 && stats.rejected === 0 && stats.hits === oldCount) return;
        startWriter();
      }
      try {
        if ((await dirRefusal(settings.dir)) !== undefined) {
          writer!.abort();
          return;
        }
        stats.written = await writer!.commit();
        await removeLeftovers(file);
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

// --- The registers' stamp --------------------------------------------------------

/**
 * What `kd index` last wrote for this archive: the digest of its inputs
 * (every file kd read, kd's code, the language, the as-of date) and a SHA-256
 * of each register it wrote. When the inputs are the same and every register
 * on disk still has its hash, the registers are current without being made
 * again. Kept beside the cache, under the same rules, and like the cache it
 * can cost time but not correctness: a register changed by hand has another
 * hash and is written again, and `kd index --check` never reads the stamp.
 */
export interface IndexStamp {
  inputs: string;
  /** Archive-relative path → SHA-256 (hex) of its text. */
  registers: Record<string, string>;
}

const STAMP_FORMAT = 1;

async function stampFile(settings: CacheSettings, root: string): Promise<string | undefined> {
  if ((await dirRefusal(settings.dir)) !== undefined) return undefined;
  return path.join(settings.dir, `${archiveName(root)}.kdindex`);
}

/** The key of a stamp: the archive's inputs with the language, the as-of date and kd's code. */
export async function stampKey(inputs: string, lang: string, asOf: string): Promise<string> {
  return createHash('sha256')
    .update(`${STAMP_FORMAT}\0${await fingerprint()}\0${inputs}\0${lang}\0${asOf}`)
    .digest('hex');
}

/** The stamp for this archive, when there is one kd can trust as far as it trusts its cache. */
export async function readStamp(settings: CacheSettings | undefined, root: string): Promise<IndexStamp | undefined> {
  if (!settings) return undefined;
  const file = await stampFile(settings, root);
  if (!file) return undefined;
  const { text } = await readCacheFile(file);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (!isObject(value) || typeof value.inputs !== 'string' || !isObject(value.registers)) return undefined;
    const registers = value.registers;
    if (!Object.values(registers).every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) return undefined;
    return { inputs: value.inputs, registers: registers as Record<string, string> };
  } catch {
    return undefined;
  }
}

/** Records what `kd index` wrote; a stamp that cannot be written only costs time next run. */
export async function writeStamp(settings: CacheSettings | undefined, root: string, stamp: IndexStamp): Promise<void> {
  if (!settings) return;
  try {
    await mkdir(settings.dir, { recursive: true, mode: 0o700 });
    const file = await stampFile(settings, root);
    if (!file) return;
    const writer = new CacheWriter(file);
    writer.write(JSON.stringify(stamp));
    await writer.commit();
  } catch {
    // As with the cache.
  }
}

/** SHA-256 (hex) of a register's text or bytes. */
export const registerHash = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');
