import type { ChalkInstance } from 'chalk';
import type { Finding } from '../core/finding.js';
import { catalogue, formatMessage, type Lang, readablePath } from '../i18n/index.js';
import { jsonVisible, visible } from '../schema/common.js';
import type { CheckFormat } from './formats.js';
import { json, type Reporter } from './reporter.js';

export interface FindingsReport {
  findings: Finding[];
  files: number;
  /** Turns an archive-relative file into the path shown (relative to where kd was run). */
  display: (file: string) => string;
  lang: Lang;
}

/**
 * What the reporters show of a finding. File names, key paths and the
 * values a message quotes come from the archive: every control character,
 * line end, noncharacter and bidirectional control in them is written as a
 * visible escape (`\u001b`, `\n`), so none reaches a terminal, a CI log or
 * the XML, and no finding can fake another line of output.
 */
function shown(report: FindingsReport, f: Finding, keepWhitespace = false) {
  return {
    file: visible(report.display(f.file), keepWhitespace),
    path: f.path === undefined ? undefined : visible(readablePath(report.lang, f.path), keepWhitespace),
    message: visible(formatMessage(report.lang, f.message), keepWhitespace),
  };
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
    const s = shown(report, f);
    const where = chalk.underline(`${s.file}:${f.line}:${f.column}`);
    const severity = f.severity === 'error' ? chalk.red(c.ui.severity.error) : chalk.yellow(c.ui.severity.warning);
    const key = s.path ? `${chalk.cyan(s.path)}: ` : '';
    lines.push(`${where}  ${severity}  ${chalk.dim(`[${f.rule}]`)} ${key}${s.message}`);
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

/**
 * Machine-readable findings: stable keys, the sentence in the chosen language.
 * Values stay as they are; characters JSON would print raw but a terminal
 * acts on (C1 controls, bidirectional controls, noncharacters) are written as
 * `\uXXXX` escapes, which parse back to the same string.
 */
export function renderJson(report: FindingsReport): string {
  const s = summarise(report.findings);
  return jsonVisible(
    json({
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
    }),
  );
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
    // Line ends stay for escapeData (`%0A`), as the runner expects; the rest is made visible.
    const s = shown(report, f, true);
    const kind = f.severity === 'error' ? 'error' : 'warning';
    const props = [`file=${escapeProperty(s.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`kd ${f.rule}`)}`];
    const text = `${s.path ? `${s.path}: ` : ''}${s.message}`;
    return `::${kind} ${props.join(',')}::${escapeData(text)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** C0 controls other than tab and line ends, U+FFFE, U+FFFF and lone surrogates (`u` mode matches only lone halves). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu;

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
  const line = (f: Finding) => {
    const s = shown(report, f);
    return `${s.file}:${f.line}:${f.column} [${f.rule}] ${s.path ? `${s.path}: ` : ''}${s.message}`;
  };
  const cases = [...byFile].map(([file, list]) => {
    const failures = list.filter((f) => f.severity === 'error');
    const warnings = list.filter((f) => f.severity === 'warning');
    const name = visible(report.display(file));
    return x('testcase', { classname: 'kd check', name, file: name }, [
      ...failures.map((f) => x('failure', { type: f.rule, message: shown(report, f).message }, line(f))),
      ...(warnings.length > 0 ? [x('system-out', warnings.map(line).join('\n'))] : []),
    ]);
  });
  // A clean run is one passing case, so CI shows that the check ran.
  if (cases.length === 0) cases.push(x('testcase', { classname: 'kd check', name: 'kd check' }));
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
    x('testsuites', { name: 'kd check', tests: String(cases.length), failures: String(errors) }, [
      x(
        'testsuite',
        {
          name: 'kd check',
          tests: String(cases.length),
          failures: String([...byFile.values()].filter((l) => l.some((f) => f.severity === 'error')).length),
        },
        cases,
      ),
    ]),
  ]);
  // Everything from the archive went through `visible`; this makes "no
  // character XML 1.0 forbids" hold by construction, whatever else changes.
  return `${toXml(tree).replace(XML_FORBIDDEN, (ch) => visible(ch))}\n`;
}

export const findingsReporters: Record<CheckFormat, Reporter<FindingsReport, { chalk: ChalkInstance }>> = {
  text: (report, { chalk }) => renderText(report, chalk),
  json: renderJson,
  github: renderGithub,
  junit: renderJunit,
};
