import { stat } from 'node:fs/promises';
import path from 'node:path';
import { KdError } from '../../archive/errors.js';
import { findRoot, relativeInside } from '../../archive/read.js';
import { check as runRules, type CheckResult } from '../../check/index.js';
import type { Lang } from '../../i18n/index.js';
import { loadArchive } from '../../model/index.js';
import { renderJson, renderText, summarise } from '../../render/findings.js';
import { chalkFor, displayPath, type Io } from '../io.js';

export interface CheckOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  archive?: string | undefined;
  /** Files or folders to report on. */
  paths?: string[];
}

export interface CheckOutcome extends CheckResult {
  root: string;
  /** The archive's own language (kd.yml `locale`), when it could be read. */
  locale?: Lang;
}

/** Loads the archive and returns every finding. Throws KdError only when kd cannot run. */
export async function check(options: CheckOptions): Promise<CheckOutcome> {
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
  const archive = await loadArchive(root);
  const result = runRules(archive, { only });
  return { ...result, root, ...(archive.config ? { locale: archive.config.locale } : {}) };
}

export interface CheckCliOptions {
  format: 'text' | 'json';
  strict: boolean;
  color: boolean;
  lang?: Lang;
}

export async function checkCommand(paths: string[], opts: CheckCliOptions & { archive?: string }, io: Io): Promise<number> {
  const outcome = await check({ cwd: io.cwd, env: io.env, archive: opts.archive, paths });
  const lang = opts.lang ?? outcome.locale ?? 'sv';
  const report = { findings: outcome.findings, files: outcome.files, display: displayPath(outcome.root, io.cwd), lang };
  io.stdout.write(opts.format === 'json' ? renderJson(report) : renderText(report, chalkFor(io.stdout, io.env, opts.color)));
  const { errors, warnings } = summarise(outcome.findings);
  return errors > 0 || (opts.strict && warnings > 0) ? 1 : 0;
}
