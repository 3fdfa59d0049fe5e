import { checkArchive } from '../../check/archive.js';
import { catalogue } from '../../i18n/index.js';
import { findingsReporters, summarise } from '../../render/findings.js';
import { CHECK_FORMATS } from '../../render/formats.js';
import { argument, defineCommand, option } from '../command.js';
import { chalkFor, displayPath } from '../io.js';
import { flag, formatOption, text } from '../options.js';

export const checkCommand = defineCommand('check', 'check', {
  arguments: [argument('[paths...]', 'commands.checkPaths')],
  options: [
    formatOption(CHECK_FORMATS, 'text'),
    option('--strict', 'strict', flag),
    option('--changed', 'changed', flag),
    option('--base <ref>', 'base', text),
  ],
  async run({ archive, paths, changed, base, ...opts }, io) {
    // An empty --base is no base.
    const outcome = await checkArchive({ cwd: io.cwd, env: io.env, archive, paths, changed, ...(base ? { base } : {}) });
    const lang = opts.lang ?? outcome.locale ?? 'sv';
    const report = { findings: outcome.findings, files: outcome.files, display: displayPath(outcome.root, io.cwd), lang };
    io.stdout.write(await findingsReporters[opts.format](report, { chalk: chalkFor(io.stdout, io.env, opts.color) }));
    if (outcome.historySkipped) io.stderr.write(`kd: ${catalogue(lang).ui.historySkipped}\n`);
    const { errors, warnings } = summarise(outcome.findings);
    return errors > 0 || (opts.strict && warnings > 0) ? 1 : 0;
  },
});
