import { checkArchive } from '../../check/archive.js';
import { catalogue, type Lang } from '../../i18n/index.js';
import { renderGithub, renderJson, renderJunit, renderText, summarise } from '../../render/findings.js';
import type { CHECK_FORMATS } from '../formats.js';
import { chalkFor, displayPath, type Io } from '../io.js';

export interface CheckCliOptions {
  format: (typeof CHECK_FORMATS)[number];
  strict: boolean;
  color: boolean;
  lang?: Lang;
}

export async function checkCommand(
  paths: string[],
  opts: CheckCliOptions & { archive?: string; changed?: boolean; base?: string },
  io: Io,
): Promise<number> {
  const outcome = await checkArchive({
    cwd: io.cwd,
    env: io.env,
    archive: opts.archive,
    paths,
    changed: opts.changed === true,
    base: opts.base,
  });
  const lang = opts.lang ?? outcome.locale ?? 'sv';
  const report = { findings: outcome.findings, files: outcome.files, display: displayPath(outcome.root, io.cwd), lang };
  const chalk = chalkFor(io.stdout, io.env, opts.color);
  io.stdout.write(
    opts.format === 'json'
      ? renderJson(report)
      : opts.format === 'github'
        ? renderGithub(report)
        : opts.format === 'junit'
          ? await renderJunit(report)
          : renderText(report, chalk),
  );
  if (outcome.historySkipped) io.stderr.write(`kd: ${catalogue(lang).ui.historySkipped}\n`);
  const { errors, warnings } = summarise(outcome.findings);
  return errors > 0 || (opts.strict && warnings > 0) ? 1 : 0;
}
