import { runRules } from '../../check/index.js';
import { KdError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import { catalogue, type Lang } from '../../i18n/index.js';
import type { Period } from '../../query/period.js';
import { halfOf } from '../../query/period.js';
import { type HalfYearReport, halfYearReport } from '../../query/report.js';
import { renderText } from '../../render/findings.js';
import { REPORT_FORMATS, type ReportFormat } from '../../render/formats.js';
import { style } from '../../render/registers.js';
import { type Provenance, reportReporters } from '../../render/report.js';
import { defineCommand, option } from '../command.js';
import { chalkFor, displayPath, type Io } from '../io.js';
import { openArchive } from '../load.js';
import { kdPackage, today } from '../meta.js';
import { atOption, forceOption, formatOption, half, outOption, presentedOn, presentedOption, text } from '../options.js';
import { emit } from '../output.js';
import { networkId } from '../resolve.js';
import { concerns } from '../scope.js';

export interface ReportOptions {
  cwd: string;
  env?: Io['env'];
  archive?: string | undefined;
  period: Period;
  network?: string | undefined;
  lang?: Lang | undefined;
  format: ReportFormat;
  at?: string | undefined;
  /** The day the report is presented, in the period. */
  asOf?: string;
}

export type ReportOutcome =
  | { ok: true; text: string; report: HalfYearReport; lang: Lang; root: string }
  | { ok: false; findings: Finding[]; files: number; lang: Lang; root: string };

/** Builds the report text, or returns the findings that stop it. Writes nothing. */
export async function report(opts: ReportOptions): Promise<ReportOutcome> {
  const { period } = opts;
  const { root, archive, lang, git } = await openArchive({ ...opts, provenance: true });
  const network = opts.network !== undefined ? networkId(archive, opts.network) : undefined;

  const blocking = runRules(archive).findings.filter((f) => f.severity === 'error' && concerns(f.file, { network, period }));
  if (blocking.length > 0) return { ok: false, findings: blocking, files: new Set(blocking.map((f) => f.file)).size, lang, root };

  const data = halfYearReport(archive, period, {
    ...(network !== undefined ? { network } : {}),
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
  });
  const prov: Provenance = {
    ...(git?.commit ? { commit: git.commit } : {}),
    dirty: git?.dirty ?? false,
    version: kdPackage().version,
    ...(archive.config ? { organisation: archive.config.organisation } : {}),
  };
  const text = await reportReporters[opts.format]({ report: data, style: style(archive, lang), prov });
  return { ok: true, text, report: data, lang, root };
}

export const reportCommand = defineCommand('report', 'report', {
  options: [
    option('--half <half>', 'reportHalf', half.optional()),
    presentedOption,
    option('--network <id>', 'reportNetwork', text),
    formatOption(REPORT_FORMATS, 'md'),
    outOption,
    forceOption,
    atOption,
  ],
  async run(opts, io) {
    if (opts.half === undefined) throw new KdError('half-required', { example: `kd report --half ${halfOf(today())}` });
    const outcome = await report({
      cwd: io.cwd,
      env: io.env,
      archive: opts.archive,
      period: opts.half,
      asOf: presentedOn(opts.half, opts.asOf),
      network: opts.network,
      lang: opts.lang,
      format: opts.format,
      at: opts.at,
    });
    const c = catalogue(outcome.lang);
    if (!outcome.ok) {
      const chalk = chalkFor(io.stderr, io.env, opts.color);
      io.stderr.write(
        renderText(
          { findings: outcome.findings, files: outcome.files, display: displayPath(outcome.root, io.cwd), lang: outcome.lang },
          chalk,
        ),
      );
      io.stderr.write(`kd: ${c.cli.errors['report-blocked']({ count: outcome.findings.length })}\n`);
      return 1;
    }
    return emit(io, outcome.text, opts, outcome.lang);
  },
});
