import { git, readBlobs, repoOf, resolveRev, treeAt } from '../../archive/git.js';
import { archivePath } from '../../archive/paths.js';
import { findRoot } from '../../archive/read.js';
import { Transaction } from '../../archive/transaction.js';
import { type CheckOutcome, checkArchive } from '../../check/archive.js';
import { KdError } from '../../core/errors.js';
import { catalogue } from '../../i18n/index.js';
import { renderText, summarise } from '../../render/findings.js';
import { defaultAsOf, indexFiles } from '../../render/index-files.js';
import { defineCommand } from '../command.js';
import { chalkFor, displayPath } from '../io.js';

export interface PreCommitOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  archive?: string | undefined;
}

export interface PreCommitResult {
  root: string;
  /** The findings on what the commit changes, judged as CI judges them. */
  outcome: CheckOutcome;
  /** True when an error stops the commit; the registers are then left alone. */
  blocked: boolean;
  /** Registers (archive-relative) that were out of date for what is staged, rewritten and staged. */
  updated: string[];
}

/**
 * What the archive's pre-commit hook runs, so that a commit never turns CI
 * red: the changed files are checked as CI checks them (an error stops the
 * commit), and the registers in index/ are brought up to date for exactly
 * what is staged and added to the commit. Registers are a pure function of
 * the protocols, so regenerating them is never a decision the secretary has
 * to make; computing them from the staged tree (not the working tree) keeps
 * them right when only some changes are committed.
 */
export async function preCommit(opts: PreCommitOptions): Promise<PreCommitResult> {
  const root = await findRoot({ cwd: opts.cwd, archive: opts.archive, env: opts.env ?? {} });
  const repo = await repoOf(root);
  if (!repo) throw new KdError('hook-not-in-git', {});
  // The first commit has no HEAD: then every file is new and all of them are checked.
  const head = await resolveRev(repo, 'HEAD');
  // What is staged is what the commit will hold: that is what is checked, as CI will check the commit.
  const outcome = await checkArchive({
    cwd: opts.cwd,
    env: opts.env,
    archive: root,
    changed: true,
    staged: true,
    ...(head ? { base: head } : {}),
  });
  if (summarise(outcome.findings).errors > 0) return { root, outcome, blocked: true, updated: [] };

  // The registers come from the very tree and archive that were just checked: read once.
  const staged = outcome.archive;
  const tree = outcome.staged!.tree;
  // The archive's own language, never --lang: CI's `kd index --check` compares with that.
  const files = indexFiles(staged, staged.config?.locale ?? 'sv', defaultAsOf(staged));
  const committed = new Map((await treeAt(repo, tree)).map((e) => [e.path, e.object]));
  const blobs = await readBlobs(
    repo,
    [...files.keys()].flatMap((rel) => committed.get(rel) ?? []),
  );
  const updated = [...files].filter(([rel, text]) => blobs.get(committed.get(rel) ?? '')?.toString('utf8') !== text).map(([rel]) => rel);
  if (updated.length > 0) {
    await Transaction.run(
      async (tx) => {
        const targets: [string, string][] = [];
        for (const rel of updated) targets.push([await archivePath(root, rel), files.get(rel)!]);
        await tx.replaceAll(targets);
        const inRepo = updated.map((rel) => (repo.prefix === '' ? rel : `${repo.prefix}/${rel}`));
        if ((await git(repo.top, ['add', '--', ...inRepo])) === undefined) throw new KdError('staged-unreadable', {});
      },
      { root, lang: staged.config?.locale, io: { cwd: opts.cwd, env: opts.env ?? {} } },
    );
  }
  return { root, outcome, blocked: false, updated };
}

export const preCommitCommand = defineCommand('pre-commit', 'preCommit', {
  async run(opts, io) {
    const result = await preCommit({ cwd: io.cwd, env: io.env, archive: opts.archive });
    const lang = opts.lang ?? result.outcome.locale ?? 'sv';
    const c = catalogue(lang);
    const show = displayPath(result.root, io.cwd);
    if (result.outcome.findings.length > 0) {
      const chalk = chalkFor(io.stdout, io.env, opts.color);
      io.stdout.write(renderText({ findings: result.outcome.findings, files: result.outcome.files, display: show, lang }, chalk));
    }
    if (result.blocked) {
      io.stderr.write(`kd: ${c.ui.preCommit.blocked}\n`);
      return 1;
    }
    if (result.updated.length > 0)
      io.stdout.write(
        `${c.ui.preCommit.updated({ count: result.updated.length })}\n${result.updated.map((f) => `  ${show(f)}\n`).join('')}`,
      );
    return 0;
  },
});
