import type { ChalkInstance } from 'chalk';
import type { Finding } from '../archive/finding.js';
import { catalogue, formatMessage, type Lang } from '../i18n/index.js';

export interface FindingsReport {
  findings: Finding[];
  files: number;
  /** Turns an archive-relative file into the path shown (relative to where kd was run). */
  display: (file: string) => string;
  lang: Lang;
}

export function summarise(findings: readonly Finding[]) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors, files: new Set(findings.map((f) => f.file)).size };
}

/** One line a finding, `file:line:col  severity  [rule] key: message`, then a summary. */
export function renderText(report: FindingsReport, chalk: ChalkInstance): string {
  const c = catalogue(report.lang);
  const lines: string[] = [];
  for (const f of report.findings) {
    const where = chalk.underline(`${report.display(f.file)}:${f.line}:${f.column}`);
    const severity = f.severity === 'error' ? chalk.red(c.ui.severity.error) : chalk.yellow(c.ui.severity.warning);
    const key = f.path ? `${chalk.cyan(f.path)}: ` : '';
    lines.push(`${where}  ${severity}  ${chalk.dim(`[${f.rule}]`)} ${key}${formatMessage(report.lang, f.message)}`);
  }
  const s = summarise(report.findings);
  if (lines.length > 0) lines.push('');
  lines.push(
    report.findings.length === 0
      ? chalk.green(c.ui.clean({ files: report.files }))
      : chalk.bold(c.ui.summary({ errors: s.errors, warnings: s.warnings, files: s.files })),
  );
  return `${lines.join('\n')}\n`;
}

/** Machine-readable findings: stable keys, the sentence in the chosen language. */
export function renderJson(report: FindingsReport): string {
  const s = summarise(report.findings);
  return `${JSON.stringify(
    {
      findings: report.findings.map((f) => ({
        file: report.display(f.file),
        line: f.line,
        column: f.column,
        rule: f.rule,
        severity: f.severity,
        ...(f.path !== undefined ? { key: f.path } : {}),
        message: formatMessage(report.lang, f.message),
        messageId: f.message.key,
        data: f.message.data,
      })),
      summary: { errors: s.errors, warnings: s.warnings, filesWithFindings: s.files, filesChecked: report.files },
    },
    null,
    2,
  )}\n`;
}
