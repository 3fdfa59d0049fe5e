import { readFile } from 'node:fs/promises';
import { cacheSettings, type IndexStamp, readStamp, registerHash, stampKey, writeStamp } from '../../archive/cache.js';
import { archivePath } from '../../archive/paths.js';
import { Transaction } from '../../archive/transaction.js';
import { catalogue, type Lang } from '../../i18n/index.js';
import { defaultAsOf, INDEX_DIR, indexFiles } from '../../render/index-files.js';
import { defineCommand, option } from '../command.js';
import { displayPath, type Io } from '../io.js';
import { openArchive } from '../load.js';
import { atOption, date, flag } from '../options.js';
import { requireSound } from '../scope.js';

export interface IndexOptions {
  archive?: string | undefined;
  lang?: Lang | undefined;
  check?: boolean;
  /** A real date (checked as the option is read). */
  asOf?: string | undefined;
  at?: string | undefined;
}

export interface IndexResult {
  root: string;
  /** Archive-relative paths of every register. */
  files: string[];
  /** Those whose text on disk differs from the protocols (missing ones too). */
  stale: string[];
  lang: Lang;
}

/** Builds the registers and writes the changed ones (or, with `check`, only compares). */
export async function index(opts: IndexOptions & { cwd: string; env?: Io['env'] }): Promise<IndexResult> {
  const { root, archive, lang } = await openArchive(opts);
  const asOf = opts.asOf ?? defaultAsOf(archive);
  // Writing, from the working tree: when nothing kd reads has changed since it last wrote the registers and they
  // are as it wrote them, they are current without being made again (see IndexStamp). --check always makes them.
  const settings = opts.check || opts.at !== undefined ? undefined : cacheSettings(opts.env ?? {});
  const key = settings ? await stampKey(archive.inputs(), lang, asOf) : undefined;
  const stamp = key !== undefined ? await readStamp(settings, root) : undefined;
  if (stamp !== undefined && stamp.inputs === key && (await unchanged(root, stamp))) {
    lastStamp = 'used';
    return { root, files: Object.keys(stamp.registers), stale: [], lang };
  }
  lastStamp = key !== undefined ? 'made' : 'none';
  // Registers that leave out a broken protocol would be committed as the truth.
  requireSound(archive, {}, lang);
  const files = indexFiles(archive, lang, asOf);
  const stale: string[] = [];
  const registers: Record<string, string> = {};
  for (const [rel, text] of files) {
    // Compared as bytes: encoding the new text costs less than decoding the old (85 MB of registers at 10,000 protocols).
    const bytes = Buffer.from(text);
    const current = await readFile(await archivePath(root, rel)).catch(() => undefined);
    if (current === undefined || !current.equals(bytes)) stale.push(rel);
    if (key !== undefined) registers[rel] = registerHash(bytes);
  }
  // All registers change together or not at all.
  // Under the archive lock, every new text is written before the first rename (see Transaction.replaceAll).
  if (!opts.check)
    await Transaction.run(
      async (tx) => {
        const targets: [string, string][] = [];
        for (const rel of stale) targets.push([await archivePath(root, rel), files.get(rel)!]);
        await tx.replaceAll(targets);
      },
      { root, lang, io: { cwd: opts.cwd, env: opts.env ?? {} } },
    );
  if (key !== undefined) await writeStamp(settings, root, { inputs: key, registers });
  return { root, files: [...files.keys()], stale, lang };
}

/** Whether each register of the stamp is on disk as kd wrote it. */
async function unchanged(root: string, stamp: IndexStamp): Promise<boolean> {
  const entries = Object.entries(stamp.registers);
  if (entries.length === 0) return false;
  for (const [rel, hash] of entries) {
    // Only what kd index writes: a register under index/, by a plain relative path.
    if (!rel.startsWith(`${INDEX_DIR}/`) || rel.split('/').some((part) => part === '' || part === '.' || part === '..')) return false;
    const current = await archivePath(root, rel)
      .then((file) => readFile(file))
      .catch(() => undefined);
    if (current === undefined || registerHash(current) !== hash) return false;
  }
  return true;
}

/** Whether the last `index` found its registers current by its stamp ('used'), made them and stamped them, or had no stamp: for tests. */
let lastStamp: 'used' | 'made' | 'none' | undefined;
export const lastIndexStamp = () => lastStamp;

export const indexCommand = defineCommand('index', 'index', {
  options: [option('--check', 'indexCheck', flag), option('--as-of <date>', 'indexAsOf', date.optional()), atOption],
  async run(opts, io) {
    const result = await index({ ...opts, cwd: io.cwd, env: io.env });
    const c = catalogue(result.lang);
    const show = displayPath(result.root, io.cwd);
    const dir = show(INDEX_DIR);
    if (opts.check) {
      if (result.stale.length === 0) {
        io.stdout.write(`${c.ui.index.current({ count: result.files.length })}\n`);
        return 0;
      }
      io.stdout.write(`${c.ui.index.stale}\n${result.stale.map((f) => `  ${show(f)}\n`).join('')}`);
      io.stderr.write(`kd: ${c.cli.errors['stale-index']({ count: result.stale.length })}\n`);
      return 1;
    }
    io.stdout.write(
      result.stale.length > 0 ? `${c.ui.index.written({ count: result.stale.length, dir })}\n` : `${c.ui.index.unchanged({ dir })}\n`,
    );
    return 0;
  },
});
