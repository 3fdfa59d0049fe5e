import { execFile, spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Git access. git is always run with execFile (no shell) and with paths and
 * revisions as separate arguments, never interpolated into a command line;
 * a revision that looks like an option is refused. Outside a repository, or
 * without git, these functions report "no git" rather than failing.
 */

export interface GitState {
  /** The commit checked out, when the archive is inside a git work tree. */
  commit?: string;
  /** Files under the archive differ from that commit. */
  dirty: boolean;
}

const MAX_BUFFER = 256 * 1024 * 1024;

export function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', cwd, ...args],
      { timeout: 60_000, windowsHide: true, maxBuffer: MAX_BUFFER, encoding: 'utf8' },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

/** Which commit the archive is at, so that a report says what it was built from. Never fails: no git is "not in git". */
export async function gitState(root: string): Promise<GitState> {
  const commit = (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']))?.trim();
  if (!commit) return { dirty: false };
  const status = await git(root, ['status', '--porcelain', '--untracked-files=no', '--', '.']);
  return { commit, dirty: (status ?? '').trim() !== '' };
}

export interface Repo {
  /** The work tree's top folder. */
  top: string;
  /** The archive root relative to it, with forward slashes ('' when they are the same). */
  prefix: string;
}

/** The repository the archive is in, or undefined when it is not in one (or git is missing). */
export async function repoOf(root: string): Promise<Repo | undefined> {
  const top = (await git(root, ['rev-parse', '--show-toplevel']))?.trim();
  if (!top) return undefined;
  const prefix = path
    .relative(await realpathOf(top), await realpathOf(root))
    .split(path.sep)
    .join('/');
  return { top, prefix };
}

async function realpathOf(p: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(p).catch(() => p);
}

/** A revision as the user gave it, resolved to a commit id; undefined when it names nothing. */
export async function resolveRev(repo: Repo, rev: string): Promise<string | undefined> {
  if (rev.startsWith('-')) return undefined;
  return (await git(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]))?.trim() || undefined;
}

/**
 * The revision to compare with when none is given: the merge-base with the
 * default branch (origin/HEAD, else main or master) when HEAD is on another
 * line of work; otherwise HEAD itself, so that uncommitted edits are judged.
 */
export async function defaultBase(repo: Repo): Promise<string | undefined> {
  // Asked of one git process: starting one costs more than its answer (a tenth of a check of a small archive).
  const [head, ...tips] = await commitsOf(repo, ['HEAD', 'origin/HEAD', 'origin/main', 'origin/master', 'main', 'master']);
  if (!head) return undefined;
  for (const tip of tips) {
    if (!tip) continue;
    // On the default branch itself: HEAD is its own merge-base.
    if (tip === head) return head;
    const base = (await git(repo.top, ['merge-base', head, tip]))?.trim();
    if (base) return base;
  }
  return head;
}

/**
 * Fixed revisions of kd's own (never a user's: see resolveRev) resolved to
 * commits by one `git cat-file --batch-check`, in order; undefined for each
 * that names no commit, and for all when git cannot run.
 */
async function commitsOf(repo: Repo, revs: readonly string[]): Promise<(string | undefined)[]> {
  // "<id> commit <size>" for each that is one, "<rev> missing" (or ambiguous) for the rest.
  const lines =
    (
      await catFile(
        repo,
        '--batch-check',
        revs.map((r) => `${r}^{commit}`),
      )
    )
      ?.toString('utf8')
      .split('\n') ?? [];
  return revs.map((_, i) => /^([0-9a-f]{40,64}) commit \d+$/.exec(lines[i] ?? '')?.[1]);
}

/**
 * One `git cat-file` process given `requests` a line each on its standard
 * input: all it wrote, or undefined when git could not be started.
 */
function catFile(repo: Repo, mode: '--batch' | '--batch-check', requests: readonly string[]): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', ['-C', repo.top, 'cat-file', mode], { stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(undefined));
    child.stdin.on('error', () => {});
    child.on('close', () => resolve(Buffer.concat(chunks)));
    child.stdin.end(requests.map((r) => `${r}\n`).join(''));
  });
}

export interface Change {
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** Archive-relative path now (for deleted: the old path). */
  path: string;
  /** For renamed: the archive-relative path at the base. */
  from?: string;
}

/**
 * Archive files that differ between `base` and the working tree (staged or
 * not, untracked ones included), or between `base` and a tree such as the
 * staged one (`git write-tree`).
 */
export async function changesSince(repo: Repo, base: string, to?: string): Promise<Change[]> {
  const scope = repo.prefix === '' ? '.' : repo.prefix;
  const [out, untracked] = await Promise.all([
    git(repo.top, ['diff', '--name-status', '-z', '--find-renames', base, ...(to ? [to] : []), '--', scope]),
    to ? '' : git(repo.top, ['ls-files', '--others', '--exclude-standard', '-z', '--', scope]),
  ]);
  if (out === undefined) return [];
  const rel = (p: string) => (repo.prefix === '' ? p : p.slice(repo.prefix.length + 1));
  const parts = out.split('\0').filter((p) => p !== '');
  const changes: Change[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++]!;
    if (code.startsWith('R') || code.startsWith('C')) {
      const from = parts[i++]!;
      const to = parts[i++]!;
      changes.push(code.startsWith('R') ? { status: 'renamed', path: rel(to), from: rel(from) } : { status: 'added', path: rel(to) });
    } else {
      const file = parts[i++]!;
      changes.push({ status: code === 'D' ? 'deleted' : code === 'A' ? 'added' : 'modified', path: rel(file) });
    }
  }
  for (const file of (untracked ?? '').split('\0').filter((p) => p !== '')) changes.push({ status: 'added', path: rel(file) });
  return changes;
}

export interface TreeEntry {
  /** Archive-relative path. */
  path: string;
  mode: string;
  object: string;
  size: number;
}

/** The archive's files at a commit. */
export async function treeAt(repo: Repo, commit: string): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-l', '-z', '--full-tree', commit];
  if (repo.prefix !== '') args.push('--', repo.prefix);
  const out = await git(repo.top, args);
  if (out === undefined) return [];
  return out
    .split('\0')
    .filter((l) => l !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, , object, size] = line.slice(0, tab).split(/\s+/) as [string, string, string, string];
      const full = line.slice(tab + 1);
      return { path: repo.prefix === '' ? full : full.slice(repo.prefix.length + 1), mode, object, size: Number(size) || 0 };
    });
}

/** Reads many blobs through one `git cat-file --batch` process. */
export async function readBlobs(repo: Repo, objects: string[]): Promise<Map<string, Buffer>> {
  const all = await catFile(repo, '--batch', objects);
  if (all === undefined) throw new Error('git cat-file could not be started');
  const blobs = new Map<string, Buffer>();
  let at = 0;
  for (const id of objects) {
    const nl = all.indexOf(0x0a, at);
    if (nl === -1) break;
    const header = all.subarray(at, nl).toString('utf8').split(' ');
    if (header[1] === 'missing') {
      at = nl + 1;
      continue;
    }
    const size = Number(header[2]);
    blobs.set(id, all.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return blobs;
}

/** A path's mode at a revision or tree ('100644', '120000' for a link …), or undefined. */
export async function modeAt(repo: Repo, rev: string, rel: string): Promise<string | undefined> {
  const full = repo.prefix === '' ? rel : `${repo.prefix}/${rel}`;
  const entries = await git(repo.top, ['ls-tree', '-z', '--full-tree', rev, '--', full]);
  return entries?.split('\0')[0]?.split(/\s+/)[0] || undefined;
}

/** The staged content as a tree object (writes objects, changes nothing a user sees), or undefined when git cannot. */
export async function stagedTree(repo: Repo): Promise<string | undefined> {
  return (await git(repo.top, ['write-tree']))?.trim() || undefined;
}

/** One file's bytes at a revision, or undefined when it did not exist there. */
export async function fileAt(repo: Repo, commit: string, rel: string): Promise<Buffer | undefined> {
  const full = repo.prefix === '' ? rel : `${repo.prefix}/${rel}`;
  const entries = await git(repo.top, ['ls-tree', '-z', '--full-tree', commit, '--', full]);
  const object = entries?.split('\0')[0]?.split(/\s+/)[2];
  if (!object) return undefined;
  return (await readBlobs(repo, [object])).get(object);
}
