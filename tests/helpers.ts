import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll } from 'vitest';
import { checkArchive } from '../src/check/archive.js';
import { type Io, main } from '../src/cli/main.js';

export const REPO = path.resolve(import.meta.dirname, '..');
export const SAMPLE = path.join(REPO, 'archive');
export const MINI = path.join(REPO, 'tests', 'fixtures', 'mini');

/** What kd check says on stderr for an archive outside git (every temporary copy). */
export const NO_GIT = 'kd: Historikregeln (frozen-protocol) hoppades över: arkivet ligger inte i ett git-förråd.\n';

/** Temporary folders the tests made, removed after them. */
export const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

export type Change = string | Uint8Array | null | ((old: string) => string);

/** A temporary copy of a fixture archive with some files changed (null deletes). */
export async function archiveWith(from: string, changes: Record<string, Change> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-test-'));
  made.push(dir);
  await cp(from, dir, { recursive: true });
  for (const [rel, change] of Object.entries(changes)) {
    const file = path.join(dir, rel);
    if (change === null) {
      await rm(file, { force: true });
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    if (typeof change === 'function') {
      const old = await readFile(file, 'utf8');
      const next = change(old);
      if (next === old) throw new Error(`change to ${rel} changed nothing`);
      await writeFile(file, next);
    } else await writeFile(file, change);
  }
  return dir;
}

/** Replaces one exact piece of text; fails the test when the piece is not there. */
export function replace(from: string, to: string) {
  return (old: string) => {
    if (!old.includes(from)) throw new Error(`not found: ${from}`);
    return old.replace(from, to);
  };
}

export interface Found {
  rule: string;
  file: string;
  line: number;
  column: number;
  severity?: string;
  key?: string;
}

/** The findings of `kd check` on an archive, reduced to what a test asserts. */
export async function findings(root: string): Promise<Found[]> {
  // The cache is tested on its own; elsewhere each check reads afresh and leaves nothing in ~/.cache.
  const out = await checkArchive({ cwd: root, env: { KD_CACHE: 'off' } });
  return out.findings.map((f) => ({
    rule: f.rule,
    file: f.file,
    line: f.line,
    column: f.column,
    severity: f.severity,
    ...(f.path ? { key: f.path } : {}),
  }));
}

/** Runs the CLI in-process, as a user would, and captures what it prints. */
export async function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: opts.cwd ?? REPO,
    // The cache is tested on its own; elsewhere each run reads afresh.
    env: { KD_CACHE: 'off', ...opts.env },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The environment every test's git runs with: a fixed author, no user or system configuration. */
export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 't@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Runs git in `dir` and returns what it printed; throws when git fails. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...GIT_ENV },
  });
}

/** A git repository holding a copy of a fixture archive, all committed on main. */
export async function gitdir(from: string, extra: Record<string, Change> = {}): Promise<string> {
  const dir = await archiveWith(from, extra);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'arkivet');
  return dir;
}

/** Runs kd in-process with a fake terminal that types `input`. */
export async function typed(cwd: string, args: string[], input: string) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  let stdout = '';
  let stderr = '';
  stdin.end(input);
  const code = await main(args, {
    cwd,
    env: { KD_CACHE: 'off' },
    stdin,
    stdout: { write: (s: string) => (stdout += s), isTTY: true },
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
  });
  return { code, stdout, stderr };
}

/** Every file under `dir`, relative to it with `/`, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** An attribute value as rehype writes it, its character references decoded. */
function attribute(value: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };
  return value.replace(/&(?:#x([\da-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, dec?: string, name?: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (named[name!] ?? whole),
  );
}

/** The addresses a page points at: every href, src and form action, as written. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/<(?:a|link|script|img|form|iframe|source)\b[^>]*?\s(?:href|src|action)="([^"]*)"/gi)].map((m) =>
    attribute(m[1]!),
  );
}

/** The ids in a page: where an address's #anchor may land. */
export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => attribute(m[1]!)));
}

/** A link leaving the site: the web, mail, a phone number. */
export const external = (href: string): boolean => /^(?:https?|mailto|tel):/i.test(href);

/** Where an internal link from `page` (both relative to the site's root) lands: the file and the anchor, decoded; undefined when it leaves the folder. */
export function target(page: string, href: string): { file: string; anchor?: string } | undefined {
  const base = new URL(`file:///site/${page.split('/').map(encodeURIComponent).join('/')}`);
  const url = new URL(href, base);
  if (url.protocol !== 'file:' || !url.pathname.startsWith('/site/')) return undefined;
  const file = decodeURIComponent(url.pathname.slice('/site/'.length));
  return url.hash.length > 1 ? { file, anchor: decodeURIComponent(url.hash.slice(1)) } : { file };
}
