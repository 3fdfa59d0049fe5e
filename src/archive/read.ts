import { readFileSync, type Stats, statSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { KdError } from '../core/errors.js';
import { EXAMPLE_ARCHIVE, EXAMPLE_NETWORK, NEXT_PROTOCOL, nextMeeting } from '../core/examples.js';
import type { Finding } from '../core/finding.js';
import type { FileKind } from '../core/kinds.js';
import { defineRule } from '../core/rule.js';
import type { MessageData } from '../i18n/index.js';
import { type FolderCache, isInside, realRoot, resolveInside, resolveInsideReal } from './paths.js';

/** The files of the archive can be read: inside it, regular, not too large, named as the archive's pattern says. */
export const fileRule = defineRule({
  id: 'file',
  messages: {
    'file.too-large': 'error',
    'file.ignored': 'warning',
    'file.case-collision': 'error',
    'file.symlink-outside': 'error',
    'file.symlink-dir': 'warning',
    'file.unreadable': 'error',
    'file.missing': 'error',
    'file.not-regular': 'error',
    'file.network-id': 'error',
    'file.name-encoding': 'error',
  },
  examples: {
    ok: [
      // A hidden file that keeps an empty folder in git is passed over.
      { files: { 'networks/ledning/protocols/2025/.gitkeep': '' } },
    ],
    notOk: [
      {
        // Saved from Notepad, which added .txt to the name.
        files: { [`${NEXT_PROTOCOL}.txt`]: nextMeeting() },
        findings: [{ file: `${NEXT_PROTOCOL}.txt`, line: 1, column: 1, key: 'file.ignored', data: { name: '2024-04-11-2.md.txt' } }],
      },
      {
        // Saved as network.yaml: kd reads only network.yml.
        files: { [EXAMPLE_NETWORK]: null, 'networks/ledning/network.yaml': EXAMPLE_ARCHIVE[EXAMPLE_NETWORK]! },
        findings: [{ file: EXAMPLE_NETWORK, line: 1, column: 1, key: 'file.missing', data: { file: EXAMPLE_NETWORK } }],
      },
      {
        // A folder for a new network, named as people write it.
        files: {
          'networks/Ekonomichefer/network.yml': `name: Ekonomichefsnätverket
mission: Erfarenhetsutbyte mellan kommunernas ekonomichefer.
decides: false
substitutes: any
roster:
  - { person: sara-sund, from: 2024-01-01, role: secretary }
`,
        },
        findings: [{ file: 'networks/Ekonomichefer', line: 1, column: 1, key: 'file.network-id', data: { name: 'Ekonomichefer' } }],
      },
    ],
  },
});

type FileMessage = keyof typeof fileRule.messages;

/** A finding of the file rule, about a whole file: at its start. */
export function atStart<M extends FileMessage>(file: string, key: M, data: MessageData<M>): Finding {
  return fileRule.finding({ file, line: 1, column: 1 }, key, data);
}

/** What a network's folder may be called: an id like every other (a-z, 0-9, hyphens), since it reaches annotations, UIDs and paths. */
const NETWORK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Protocols are 3–6 KB; anything past this is not a protocol and is not read. */
export const MAX_FILE_BYTES = 1024 * 1024;

export const CONFIG_FILE = 'kd.yml';
export const PEOPLE_FILE = 'people.yml';

export interface SourceFile {
  /** Archive-relative, forward slashes. */
  path: string;
  kind: FileKind;
  bytes: Uint8Array;
}

export interface ReadResult {
  files: SourceFile[];
  /** Network folders found, whether or not their network.yml could be read. */
  networkIds: string[];
  findings: Finding[];
  /**
   * A file's bytes read again, for the few whose places a finding needs
   * (records keep no positions), or undefined when it cannot be read now.
   * Whether they are still the bytes first read is the caller's to check.
   */
  reread(path: string): Uint8Array | undefined;
}

export interface RootOptions {
  cwd: string;
  archive?: string | undefined;
  env?: Record<string, string | undefined>;
}

/** Finds the archive root: `--archive`, then `KD_ARCHIVE`, then up from cwd to a `kd.yml`, as git finds `.git`. */
export async function findRoot({ cwd, archive, env = {} }: RootOptions): Promise<string> {
  const given = archive ?? env.KD_ARCHIVE;
  if (given) {
    const dir = path.resolve(cwd, given);
    if (!(await isFile(path.join(dir, CONFIG_FILE)))) throw new KdError('archive-not-found', { dir });
    return dir;
  }
  let dir = path.resolve(cwd);
  for (;;) {
    if (await isFile(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new KdError('no-archive', { cwd: path.resolve(cwd) });
    dir = parent;
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads every file kd understands, once. Nothing outside the archive is
 * read: a symbolic link that resolves outside it is reported, not followed,
 * and files over the size cap are reported, not read. Given `each`, every
 * file is handed to it as soon as it is read and not kept (`files` stays
 * empty): the archive's bytes are never all held at once.
 */
export async function readArchive(root: string, each?: (file: SourceFile) => Promise<void>): Promise<ReadResult> {
  const top = await realRoot(root);
  const files: SourceFile[] = [];
  const findings: Finding[] = [];
  const networkIds: string[] = [];
  const folders: FolderCache = new Map();

  const fileFinding: typeof atStart = (rel, key, data) => {
    const finding = atStart(rel, key, data);
    findings.push(finding);
    return finding;
  };

  /** Reads one file if it is safe to; reports why not otherwise. */
  const take = async (rel: string, kind: FileKind): Promise<void> => {
    const abs = await resolveInside(root, rel, folders);
    if (abs === undefined) {
      const target = await realpath(path.join(root, ...rel.split('/'))).catch(() => '?');
      fileFinding(rel, 'file.symlink-outside', { target });
      return;
    }
    let info: Stats;
    try {
      // Synchronously, like every read of the archive's files: one at a time, without a trip through the thread pool each.
      info = statSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Gone between listing and reading is not a finding; a name the system cannot open is.
      if (code !== 'ENOENT') fileFinding(rel, 'file.unreadable', { reason: code ?? String(error) });
      return;
    }
    // A folder, a device or a pipe named like a file kd reads would switch its rules off in silence.
    if (!info.isFile()) {
      if (kind !== 'protocol' || !info.isDirectory()) fileFinding(rel, 'file.not-regular', {});
      return;
    }
    if (info.size > MAX_FILE_BYTES) {
      fileFinding(rel, 'file.too-large', { size: info.size, max: MAX_FILE_BYTES });
      return;
    }
    let file: SourceFile | undefined;
    try {
      const bytes = readFileSync(abs);
      // The file may have grown since it was measured.
      if (bytes.length > MAX_FILE_BYTES) fileFinding(rel, 'file.too-large', { size: bytes.length, max: MAX_FILE_BYTES });
      else file = { path: rel, kind, bytes };
    } catch (error) {
      fileFinding(rel, 'file.unreadable', { reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    // Outside the try: what `each` does with the file is no failure to read it.
    if (file === undefined) return;
    if (each === undefined) files.push(file);
    else await each(file);
  };

  await take(CONFIG_FILE, 'config');
  if (await exists(path.join(root, PEOPLE_FILE))) await take(PEOPLE_FILE, 'people');
  else fileFinding(PEOPLE_FILE, 'file.missing', { file: PEOPLE_FILE });

  const networkFolders = await listInside('networks');
  const networkNames = new Map<string, string>();
  for (const entry of networkFolders) {
    if (entry.name.startsWith('.')) continue;
    const rel = `networks/${entry.name}`;
    if (entry.isSymbolicLink()) {
      fileFinding(rel, 'file.symlink-dir', {});
      continue;
    }
    if (!entry.isDirectory()) continue;
    if (!NETWORK_ID.test(entry.name)) {
      fileFinding(rel, 'file.network-id', { name: entry.name });
      continue;
    }
    const other = networkNames.get(entry.name.toLowerCase());
    if (other !== undefined) {
      fileFinding(rel, 'file.case-collision', { other });
      continue;
    }
    networkNames.set(entry.name.toLowerCase(), entry.name);
    networkIds.push(entry.name);
    if (await exists(path.join(root, rel, 'network.yml'))) await take(`${rel}/network.yml`, 'network');
    else fileFinding(`${rel}/network.yml`, 'file.missing', { file: `${rel}/network.yml` });
    if (await exists(path.join(root, rel, 'calendar.yml'))) await take(`${rel}/calendar.yml`, 'calendar');
    await walkProtocols(`${rel}/protocols`);
  }

  /** A folder's entries, when the folder (followed through any links) is inside the archive; a finding when it is not. */
  async function listInside(rel: string) {
    const abs = await resolveInside(root, rel, folders);
    if (abs === undefined) {
      const target = await realpath(path.join(root, ...rel.split('/'))).catch(() => '?');
      fileFinding(rel, 'file.symlink-outside', { target });
      return [];
    }
    const entries = await list(abs);
    for (const entry of entries) {
      // A name that is not valid UTF-8 comes back with replacement characters: it cannot be opened by that name.
      if (entry.name.includes('\uFFFD')) fileFinding(`${rel}/${entry.name}`, 'file.name-encoding', {});
    }
    return entries.filter((e) => !e.name.includes('\uFFFD'));
  }

  async function walkProtocols(rel: string): Promise<void> {
    const plain: string[] = [];
    const entries = await listInside(rel);
    const byLower = new Map<string, string>();
    for (const entry of entries) {
      const lower = entry.name.toLowerCase();
      const other = byLower.get(lower);
      if (other !== undefined) fileFinding(`${rel}/${entry.name}`, 'file.case-collision', { other });
      else byLower.set(lower, entry.name);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = `${rel}/${entry.name}`;
      if (entry.isFile() && !entry.name.endsWith('.md')) {
        fileFinding(child, 'file.ignored', { name: entry.name });
        continue;
      }
      if (entry.isDirectory()) await walkProtocols(child);
      else if (entry.isSymbolicLink()) {
        const target = await realpath(path.join(root, ...child.split('/'))).catch(() => '?');
        if (target === '?' || !isInside(top, target)) fileFinding(child, 'file.symlink-outside', { target });
        else if ((await stat(target)).isDirectory()) fileFinding(child, 'file.symlink-dir', {});
        else if (entry.name.endsWith('.md')) await take(child, 'protocol');
      } else if (entry.isFile() && entry.name.endsWith('.md')) plain.push(child);
      // A pipe, socket or device among the protocols is never read (a pipe would block), and never passed over in silence.
      else if (!entry.isFile()) fileFinding(child, 'file.not-regular', {});
    }
    // Plain files of a folder are read together: the disk, not each await, sets the pace.
    for (let i = 0; i < plain.length; i += 32) await Promise.all(plain.slice(i, i + 32).map((child) => take(child, 'protocol')));
  }

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  networkIds.sort();
  return { files, networkIds, findings, reread: rereader(top) };
}

/**
 * A file of the archive read again, through the same checks as the first
 * read: a link swapped in since is not followed out of the archive. Made
 * outside readArchive so that it holds none of the files read there.
 */
function rereader(top: string): ReadResult['reread'] {
  return (rel) => {
    const abs = resolveInsideReal(top, rel);
    if (abs === undefined) return undefined;
    try {
      const bytes = statSync(abs).isFile() ? readFileSync(abs) : undefined;
      return bytes !== undefined && bytes.length <= MAX_FILE_BYTES ? bytes : undefined;
    } catch {
      return undefined;
    }
  };
}

export async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

async function list(dir: string) {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Turns a user's path argument into an archive-relative prefix; refuses paths outside. */
export function relativeInside(root: string, cwd: string, p: string): string {
  const abs = path.resolve(cwd, p);
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new KdError('path-outside', { path: p });
  return rel.split(path.sep).join('/');
}
