import { cacheSettings } from '../archive/cache.js';
import { type GitState, gitState, repoOf, resolveRev } from '../archive/git.js';
import { findRoot } from '../archive/read.js';
import { KdError } from '../core/errors.js';
import type { Lang } from '../i18n/index.js';
import { type Archive, loadArchive } from '../model/index.js';

export interface OpenOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  archive?: string | undefined;
  /** Read the archive as it was at this revision (from git, the working tree untouched). */
  at?: string | undefined;
  lang?: Lang | undefined;
  /** Also say which commit the archive is at (costs two git processes; only the report needs it). */
  provenance?: boolean;
}

export interface Opened {
  root: string;
  archive: Archive;
  /** --lang, else the archive's locale, else Swedish. */
  lang: Lang;
  git?: GitState;
}

/** Finds and loads the archive the way every command does: root, cache, --at, language. */
export async function openArchive(opts: OpenOptions): Promise<Opened> {
  const env = opts.env ?? {};
  const root = await findRoot({ cwd: opts.cwd, archive: opts.archive, env });
  const cache = cacheSettings(env);
  let archive: Archive;
  let git: GitState | undefined;
  if (opts.at === undefined) {
    archive = await loadArchive(root, { cache });
    if (opts.provenance) git = await gitState(root);
  } else {
    const repo = await repoOf(root);
    if (!repo) throw new KdError('not-in-git', {});
    const commit = await resolveRev(repo, opts.at);
    if (!commit) throw new KdError('unknown-revision', { rev: opts.at });
    archive = await loadArchive(root, { at: { repo, commit }, cache });
    git = { commit, dirty: false };
  }
  return { root, archive, lang: opts.lang ?? archive.config?.locale ?? 'sv', ...(git ? { git } : {}) };
}
