import { execFile } from 'node:child_process';

export interface GitState {
  /** The commit checked out, when the archive is inside a git work tree. */
  commit?: string;
  /** Files under the archive differ from that commit. */
  dirty: boolean;
}

function git(root: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', root, ...args], { timeout: 10_000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/** Which commit the archive is at, so that a report says what it was built from. Never fails: no git is "not in git". */
export async function gitState(root: string): Promise<GitState> {
  const commit = (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']))?.trim();
  if (!commit) return { dirty: false };
  const status = await git(root, ['status', '--porcelain', '--untracked-files=no', '--', '.']);
  return { commit, dirty: (status ?? '').trim() !== '' };
}
