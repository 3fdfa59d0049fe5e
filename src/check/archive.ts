import { stat } from 'node:fs/promises';
import path from 'node:path';
import { cacheSettings } from '../archive/cache.js';
import { type Change, type Repo, repoOf, stagedTree } from '../archive/git.js';
import { CONFIG_FILE, findRoot, PEOPLE_FILE, relativeInside } from '../archive/read.js';
import { KdError } from '../core/errors.js';
import { compareFindings } from '../core/finding.js';
import type { Lang } from '../i18n/index.js';
import { type Archive, loadArchive } from '../model/index.js';
import { checkHistory } from './history.js';
import { type CheckResult, inScope, runRules } from './index.js';

export interface CheckArchiveOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  archive?: string | undefined;
  /** Files or folders to report on. */
  paths?: string[];
  /** Report only on files changed against the base revision, and what they touch. */
  changed?: boolean;
  /** The revision the history rule and --changed compare with. */
  base?: string | undefined;
  /** Check what is staged for the next commit (the pre-commit hook), not the working tree. */
  staged?: boolean;
}

export interface CheckOutcome extends CheckResult {
  root: string;
  /** The archive's own language (kd.yml `locale`), when it could be read. */
  locale?: Lang;
  /** Set when the history rule could not run. */
  historySkipped?: 'no-git';
  /** The archive as checked, so that a caller (the pre-commit hook) does not read it again. */
  archive: Archive;
  /** With `staged`: the staged tree that was checked. */
  staged?: { repo: Repo; tree: string };
}

/** Loads the archive and returns every finding. Throws KdError only when kd cannot run. */
export async function checkArchive(options: CheckArchiveOptions): Promise<CheckOutcome> {
  const root = await findRoot({ cwd: options.cwd, archive: options.archive, env: options.env ?? {} });
  const only: string[] = [];
  for (const p of options.paths ?? []) {
    const abs = path.resolve(options.cwd, p);
    only.push(relativeInside(root, options.cwd, p));
    try {
      await stat(abs);
    } catch {
      throw new KdError('path-missing', { path: p });
    }
  }
  const cache = cacheSettings(options.env ?? {});
  let staged: { repo: Repo; tree: string } | undefined;
  if (options.staged) {
    const repo = await repoOf(root);
    if (!repo) throw new KdError('hook-not-in-git', {});
    const tree = await stagedTree(repo);
    if (!tree) throw new KdError('staged-unreadable', {});
    staged = { repo, tree };
  }
  // The history rule asks git, not the loaded archive: its processes run while the files are read.
  const asked = checkHistory(root, options.base, staged);
  asked.catch(() => {});
  const archive = await loadArchive(root, { cache, ...(staged ? { at: { repo: staged.repo, commit: staged.tree } } : {}) });
  const result = runRules(archive, { only });
  const history = await asked;
  // Fail closed: when the history rule was asked for (a base, --changed, or a CI run) and cannot run, that is no green run.
  if (history.skipped && options.changed) throw new KdError('not-in-git', {});
  if (history.skipped && (options.base !== undefined || options.env?.CI === 'true')) throw new KdError('history-unavailable', {});
  let findings = [...result.findings, ...history.findings.filter((f) => inScope(only)(f.file))];
  if (options.changed) {
    // Without a base (a repository with no commits yet) every file is new, so all of them count as changed.
    if (history.base !== undefined) {
      const scope = scopeOf(history.changes);
      findings = findings.filter((f) => scope(f.file));
    }
  }
  return {
    findings: findings.sort(compareFindings),
    files: result.files,
    root,
    ...(archive.config ? { locale: archive.config.locale } : {}),
    ...(history.skipped ? { historySkipped: history.skipped } : {}),
    archive,
    ...(staged ? { staged } : {}),
  };
}

/**
 * What a set of changed files touches: a changed kd.yml or people.yml
 * touches every file; a network's network.yml, calendar or protocol touches
 * that network's files (rosters, numbering and follow-ups are per network).
 */
export function scopeOf(changes: Change[]): (file: string) => boolean {
  const paths = changes.flatMap((c) => (c.from ? [c.path, c.from] : [c.path]));
  if (paths.some((p) => p === CONFIG_FILE || p === PEOPLE_FILE)) return () => true;
  const networks = new Set(paths.map((p) => /^networks\/([^/]+)\//.exec(p)?.[1]).filter((n): n is string => n !== undefined));
  return (file) => networks.has(/^networks\/([^/]+)\//.exec(file)?.[1] ?? '');
}
