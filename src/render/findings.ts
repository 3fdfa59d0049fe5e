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

/** GitHub Actions workflow commands: data and properties escaped as the runner expects. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error` or `::warning` annotation a finding, so it shows on the pull request's line. */
export function renderGithub(report: FindingsReport): string {
  const lines = report.findings.map((f) => {
    const kind = f.severity === 'error' ? 'error' : 'warning';
    const props = [`file=${escapeProperty(report.display(f.file))}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`kd ${f.rule}`)}`];
    const text = `${f.path ? `${f.path}: ` : ''}${formatMessage(report.lang, f.message)}`;
    return `::${kind} ${props.join(',')}::${escapeData(text)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * JUnit XML for GitLab and other CI: one test case a file that has findings
 * (errors as failures, warnings in system-out), built as an xast tree.
 */
export async function renderJunit(report: FindingsReport): Promise<string> {
  const { x } = await import('xastscript');
  const { toXml } = await import('xast-util-to-xml');
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const line = (f: Finding) => `${report.display(f.file)}:${f.line}:${f.column} [${f.rule}] ${f.path ? `${f.path}: ` : ''}${formatMessage(report.lang, f.message)}`;
  const cases = [...byFile].map(([file, list]) => {
    const failures = list.filter((f) => f.severity === 'error');
    const warnings = list.filter((f) => f.severity === 'warning');
    return x('testcase', { classname: 'kd check', name: report.display(file), file: report.display(file) }, [
      ...failures.map((f) => x('failure', { type: f.rule, message: formatMessage(report.lang, f.message) }, line(f))),
      ...(warnings.length > 0 ? [x('system-out', warnings.map(line).join('\n'))] : []),
    ]);
  });
  // A clean run is one passing case, so CI shows that the check ran.
  if (cases.length === 0) cases.push(x('testcase', { classname: 'kd check', name: 'kd check' }));
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
    x('testsuites', { name: 'kd check', tests: String(cases.length), failures: String(errors) }, [
      x('testsuite', { name: 'kd check', tests: String(cases.length), failures: String([...byFile.values()].filter((l) => l.some((f) => f.severity === 'error')).length) }, cases),
    ]),
  ]);
  return `${toXml(tree)}\n`;
}
