import { cacheSettings } from '../archive/cache.js';
import { KdError } from '../archive/errors.js';
import { gitState, repoOf, resolveRev, type GitState } from '../archive/git.js';
import { loadArchive, type Archive } from '../model/index.js';

/**
 * The archive as a command sees it: the working tree, or with `at` the
 * archive as it was at that commit (read from git, the working tree
 * untouched). Also says which commit that is, for provenance.
 */
export async function loadFor(root: string, at: string | undefined, env: Record<string, string | undefined> = {}): Promise<{ archive: Archive; git: GitState }> {
  const cache = cacheSettings(env);
  if (at === undefined) return { archive: await loadArchive(root, { cache }), git: await gitState(root) };
  const repo = await repoOf(root);
  if (!repo) throw new KdError('not-in-git', {});
  const commit = await resolveRev(repo, at);
  if (!commit) throw new KdError('unknown-revision', { rev: at });
  return { archive: await loadArchive(root, { at: { repo, commit }, cache }), git: { commit, dirty: false } };
}
